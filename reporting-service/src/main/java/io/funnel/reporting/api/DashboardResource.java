package io.funnel.reporting.api;

import io.funnel.reporting.domain.AttributionModel;
import io.funnel.reporting.messaging.LiveUpdates;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The shared page both teams look at, and the stream of events that keeps it live. */
@Path("/")
@Tag(name = "Dashboard")
public class DashboardResource {

    /** The attribution models the page can switch between. */
    private static final List<String> MODELS = Arrays.stream(AttributionModel.values()).map(AttributionModel::label)
            .toList();

    private final Template dashboard;
    private final LiveUpdates live;

    public DashboardResource(@Location("dashboard.html") Template dashboard, LiveUpdates live) {
        this.dashboard = dashboard;
        this.live = live;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The dashboard: funnel, velocity, both SLA sides, attribution, feedback and the plan")
    public TemplateInstance page() {
        return dashboard.data("models", MODELS);
    }

    @GET
    @Path("api/stream")
    @RolesAllowed(TeamRoles.EVERYONE)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: one per projected event (type, lead or visitor id, time)")
    public Multi<LiveUpdates.LiveEvent> stream(@Parameter(description = "only events of these types, e.g. "
            + "LeadCaptured; repeated or comma-separated; every type when absent") @QueryParam("type")
            List<String> type) {
        return live.stream(ReportParams.names("type", type, LiveUpdates.TYPES));
    }
}
