package io.funnel.reporting.api;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.funnel.reporting.domain.AgreementBook;
import io.funnel.reporting.persistence.AgreementVersion;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/agreement")
@RolesAllowed(TeamRoles.EVERYONE)
@Tag(name = "Agreement")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    private final AgreementBook book;

    public AgreementResource(AgreementBook book) {
        this.book = book;
    }

    @GET
    @WithSession
    @Operation(summary = "The agreement in force", description = "404 until the first version is signed.")
    public Uni<AgreementUpdated> current() {
        return AgreementVersion.latest()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Agreement"))
                .map(AgreementVersion::toEvent);
    }

    @GET
    @Path("/versions")
    @WithSession
    @Operation(summary = "Every signed version, oldest first")
    public Uni<List<AgreementUpdated>> versions() {
        return AgreementVersion.history().map(all -> all.stream().map(AgreementVersion::toEvent).toList());
    }

    @PUT
    @RolesAllowed(Roles.REVENUE_OPS)
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Sign a new version", description = "Both owners sign; publishes AgreementUpdated on the "
            + "compacted funnel.agreements.v1. 409 when expectedVersion is not the version in force.")
    public Uni<AgreementUpdated> sign(@Valid @NotNull AgreementRequest request) {
        return book.sign(request);
    }
}
