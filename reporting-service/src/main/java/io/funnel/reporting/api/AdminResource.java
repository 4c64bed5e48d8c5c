package io.funnel.reporting.api;

import io.funnel.platform.security.Roles;
import io.funnel.reporting.messaging.ProjectionRebuild;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/rebuild")
@RolesAllowed(Roles.REVENUE_OPS)
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final ProjectionRebuild rebuild;

    public AdminResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild the read tables from the topics", description = "Replays every topic from the "
            + "beginning into fresh tables while the API keeps answering from the current ones, then swaps them. "
            + "202 with the status to poll; 409 while a rebuild runs.")
    public Response start() {
        return Response.accepted(rebuild.start()).header("Location", "/api/admin/rebuild").build();
    }

    @GET
    @Operation(summary = "State of the last rebuild")
    public ProjectionRebuild.Status status() {
        return rebuild.status();
    }
}
