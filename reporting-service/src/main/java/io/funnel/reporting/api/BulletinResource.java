package io.funnel.reporting.api;

import io.funnel.reporting.domain.BulletinReport;
import io.funnel.reporting.domain.BulletinReport.Bulletin;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/bulletin")
@RolesAllowed(TeamRoles.EVERYONE)
@Tag(name = "Bulletin")
public class BulletinResource {

    public static final String TEXT_MARKDOWN = "text/markdown";

    /** A titled table of the HTML page. */
    public record Section(String title, List<BulletinReport.Item> items) {
    }

    private final BulletinReport report;
    private final Template bulletin;
    private final Clock clock;

    public BulletinResource(BulletinReport report, @Location("bulletin.html") Template bulletin, Clock clock) {
        this.report = report;
        this.bulletin = bulletin;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Produces(TEXT_MARKDOWN + ";charset=UTF-8")
    @Operation(summary = "The monthly bulletin (Markdown; HTML, JSON and CSV by Accept)", description = "Content and "
            + "campaigns of the month with their traffic, leads, MQLs, pipeline and revenue so far, contributors, "
            + "SLA attainment, top rejection reasons and objections, and the gap to the revenue target.")
    public Uni<String> markdown(@Parameter(description = "YYYY-MM, default this month") @QueryParam("month")
            String month) {
        return load(month).map(BulletinMarkdown::render);
    }

    @GET
    @WithSession
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Uni<String> html(@QueryParam("month") String month) {
        return load(month).map(b -> bulletin.data("b", b)
                .data("sections", List.of(new Section("Content published", b.content()),
                        new Section("Campaigns launched", b.campaigns())))
                .render());
    }

    /** JSON, or as CSV the content and campaign tables. */
    @GET
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    public Uni<Bulletin> json(@QueryParam("month") String month) {
        return load(month);
    }

    private Uni<Bulletin> load(String month) {
        YearMonth m = ReportParams.blank(month) ? YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC))
                : ReportParams.month("month", month);
        return report.of(m);
    }
}
