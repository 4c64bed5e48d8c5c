package io.funnel.reporting.api;

import io.funnel.platform.api.ProblemException;
import io.funnel.reporting.domain.Planner;
import io.funnel.reporting.domain.ReversePlan;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/plan")
@RolesAllowed(TeamRoles.EVERYONE)
@Tag(name = "Planner")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class PlanResource {

    private final Planner planner;
    private final Clock clock;

    public PlanResource(Planner planner, Clock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "The reverse funnel", description = "Customers, opportunities, SQLs, MQLs, leads and "
            + "visitors needed to reach revenueTarget in period, from the conversion rates and stage times measured "
            + "in the look-back window; when each must enter; what the open funnel is expected to deliver and the gap.")
    public Uni<ReversePlan.Plan> plan(PlanRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a plan request is required");
        }
        positive("revenueTarget", request.revenueTarget(), true);
        positive("averageDealSize", request.averageDealSize(), false);
        if (ReportParams.blank(request.period())) {
            throw ProblemException.badRequest("period", "is required, a month such as 2026-06");
        }
        int lookBack = request.lookBackMonths() == null ? 12 : request.lookBackMonths();
        if (lookBack < 1 || lookBack > 120) {
            throw ProblemException.badRequest("lookBackMonths", "must be between 1 and 120");
        }
        return planner.plan(ReportParams.month("period", request.period()), request.revenueTarget(),
                request.averageDealSize(), lookBack, ReportParams.instantOr("asOf", request.asOf(), clock.instant()));
    }

    private static void positive(String field, BigDecimal value, boolean required) {
        if (value == null && required) {
            throw ProblemException.badRequest(field, "is required");
        }
        if (value != null && value.signum() <= 0) {
            throw ProblemException.badRequest(field, "must be greater than 0");
        }
    }
}
