package io.funnel.qualification.api;

import io.funnel.events.EventCodec;
import io.funnel.platform.api.Problem;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.funnel.qualification.domain.ModelValidator;
import io.funnel.qualification.domain.ScoringModels;
import io.funnel.qualification.persistence.PersonaRecord;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Buyer personas; a lead gets the most specific one it matches when it is next scored. */
@Path("/api/personas")
@RolesAllowed(Roles.MARKETING)
@Tag(name = "Personas")
@Produces(MediaType.APPLICATION_JSON)
public class PersonaResource {

    private final Clock clock;

    public PersonaResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.SALES_MANAGER, Roles.REVENUE_OPS})
    @WithSession
    @Operation(summary = "Every persona, by name")
    public Uni<List<PersonaView>> list() {
        return PersonaRecord.<PersonaRecord>find("order by name").list()
                .map(all -> all.stream().map(PersonaView::of).toList());
    }

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.SALES_MANAGER, Roles.REVENUE_OPS})
    @Path("/{id}")
    @WithSession
    public Uni<PersonaView> one(@PathParam("id") UUID id) {
        return find(id).map(PersonaView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Create a persona", description = "409 when the name is taken.")
    public Uni<Response> create(@Valid @NotNull PersonaRequest request) {
        requireValidCriteria(request);
        return requireFreeName(request.name(), null).chain(() -> {
            PersonaRecord persona = new PersonaRecord();
            persona.id = UUID.randomUUID();
            persona.createdAt = clock.instant();
            fill(persona, request);
            return persona.<PersonaRecord>persist();
        }).map(p -> Response.created(URI.create("/api/personas/" + p.id)).entity(PersonaView.of(p)).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Replace a persona's name and criteria")
    public Uni<PersonaView> replace(@PathParam("id") UUID id, @Valid @NotNull PersonaRequest request) {
        requireValidCriteria(request);
        return find(id).chain(persona -> requireFreeName(request.name(), id).map(free -> {
            fill(persona, request);
            return PersonaView.of(persona);
        }));
    }

    @DELETE
    @Path("/{id}")
    @WithTransaction
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return find(id).chain(PersonaRecord::delete).map(done -> Response.noContent().build());
    }

    private void fill(PersonaRecord persona, PersonaRequest request) {
        persona.name = request.name().strip();
        persona.criteria = EventCodec.encodeValue(request.criteria());
        persona.updatedAt = clock.instant();
    }

    private static Uni<PersonaRecord> find(UUID id) {
        return PersonaRecord.<PersonaRecord>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Persona " + id));
    }

    private static Uni<Void> requireFreeName(String name, UUID self) {
        return PersonaRecord.<PersonaRecord>find("lower(name) = lower(?1)", name.strip()).firstResult()
                .invoke(other -> {
                    if (other != null && !other.id.equals(self)) {
                        throw ProblemException.conflict("A persona named '" + other.name + "' exists",
                                Map.of("existingId", other.id));
                    }
                })
                .replaceWithVoid();
    }

    private static void requireValidCriteria(PersonaRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.criteria().size(); i++) {
            if (request.criteria().get(i) == null) {
                errors.add(new Problem.FieldError("criteria[" + i + "]", "must not be null"));
            } else {
                ModelValidator.checkTest("criteria[" + i + "]", request.criteria().get(i), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ScoringModels.invalid(errors);
        }
    }
}
