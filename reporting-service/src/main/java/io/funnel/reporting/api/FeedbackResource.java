package io.funnel.reporting.api;

import io.funnel.reporting.domain.FeedbackReport;
import io.funnel.reporting.domain.GroupBy;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/feedback")
@RolesAllowed(TeamRoles.EVERYONE)
@Tag(name = "Feedback")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class FeedbackResource {

    private static final Set<GroupBy> DIMENSIONS = Set.of(GroupBy.CAMPAIGN, GroupBy.CONTENT, GroupBy.PERSONA,
            GroupBy.SOURCE);

    private final FeedbackReport report;

    public FeedbackResource(FeedbackReport report) {
        this.report = report;
    }

    @GET
    @WithSession
    @Operation(summary = "Rejection reasons and objections", description = "Per campaign (or source, content, "
            + "persona): why sales rejected leads, which objections it heard and the revenue of the opportunities "
            + "lost where each objection was raised. Events between from and to.")
    public Uni<FeedbackReport.Feedback> feedback(
            @Parameter(description = "ISO date or instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO date (inclusive) or instant (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "campaign (default) | source | content | persona")
            @QueryParam("groupBy") String groupBy) {
        GroupBy dimension = ReportParams.groupBy(groupBy, DIMENSIONS);
        return report.report(ReportParams.period(from, to), dimension == null ? GroupBy.CAMPAIGN : dimension);
    }
}
