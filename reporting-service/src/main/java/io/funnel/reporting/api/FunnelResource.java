package io.funnel.reporting.api;

import io.funnel.reporting.domain.FunnelReport;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funnel")
@RolesAllowed(TeamRoles.EVERYONE)
@Tag(name = "Funnel")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class FunnelResource {

    private final FunnelReport report;
    private final Clock clock;

    public FunnelResource(FunnelReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "Leads per funnel stage", description = "For the leads that first appeared between from and "
            + "to (all when absent): per stage the number that entered it, the share that went on to the next, "
            + "median and p90 hours in stage; recycled, disqualified and lost counts; optionally per group. "
            + "Stage times are event times.")
    public Uni<FunnelReport.Funnel> funnel(
            @Parameter(description = "The funnel as it stood at this instant (ISO-8601), default now")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Cohort start: ISO date or instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "Cohort end: ISO date (inclusive) or instant (exclusive)")
            @QueryParam("to") String to,
            @Parameter(description = "source | campaign | content | persona | rep | month")
            @QueryParam("groupBy") String groupBy) {
        return report.report(ReportParams.instantOr("asOf", asOf, clock.instant()), ReportParams.period(from, to),
                ReportParams.groupBy(groupBy));
    }
}
