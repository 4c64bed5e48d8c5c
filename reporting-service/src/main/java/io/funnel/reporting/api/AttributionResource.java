package io.funnel.reporting.api;

import io.funnel.platform.api.ProblemException;
import io.funnel.reporting.domain.AttributionModel;
import io.funnel.reporting.domain.AttributionReport;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/attribution")
@RolesAllowed(TeamRoles.EVERYONE)
@Tag(name = "Attribution")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class AttributionResource {

    private final AttributionReport report;

    public AttributionResource(AttributionReport report) {
        this.report = report;
    }

    @GET
    @WithSession
    @Operation(summary = "Revenue and pipeline credited to campaigns and content", description = "Revenue of the "
            + "opportunities won and pipeline of those opened between from and to, shared among the touches of "
            + "their leads by the chosen model; model=all (default) shows every model side by side.")
    public Uni<AttributionReport.Attribution> attribution(
            @Parameter(description = "first_touch | last_touch | linear | u_shaped | w_shaped | time_decay | all")
            @QueryParam("model") String model,
            @Parameter(description = "ISO date or instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO date (inclusive) or instant (exclusive)") @QueryParam("to") String to) {
        return report.report(ReportParams.period(from, to), models(model));
    }

    static List<AttributionModel> models(String model) {
        if (ReportParams.blank(model) || "all".equalsIgnoreCase(model)) {
            return List.of(AttributionModel.values());
        }
        return List.of(AttributionModel.parse(model).orElseThrow(() -> ProblemException.badRequest("model",
                "must be one of " + Arrays.stream(AttributionModel.values()).map(AttributionModel::label)
                        .collect(Collectors.joining(", ")) + ", all")));
    }
}
