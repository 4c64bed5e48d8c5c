package io.funnel.reporting.api;

import io.funnel.reporting.domain.SlaReport;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sla")
@RolesAllowed(TeamRoles.EVERYONE)
@Tag(name = "SLA")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class SlaResource {

    private final SlaReport report;

    public SlaResource(SlaReport report) {
        this.report = report;
    }

    @GET
    @WithSession
    @Operation(summary = "Both sides of the agreement", description = "Marketing: MQLs delivered per month against "
            + "the promise and the share sales accepted. Sales: share of assigned leads first contacted within the "
            + "SLA, hours to first contact, breaches per rep.")
    public Uni<SlaReport.Sla> sla(
            @Parameter(description = "ISO date or instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO date (inclusive) or instant (exclusive)") @QueryParam("to") String to) {
        return report.report(ReportParams.period(from, to));
    }
}
