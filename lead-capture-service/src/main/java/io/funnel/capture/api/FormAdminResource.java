package io.funnel.capture.api;

import io.funnel.capture.persistence.WebForm;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/forms")
@RolesAllowed(Roles.MARKETING)
@Tag(name = "Forms")
@Produces(MediaType.APPLICATION_JSON)
public class FormAdminResource {

    private final Clock clock;

    public FormAdminResource(Clock clock) {
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Register a web form")
    public Uni<Response> create(@Valid @NotNull FormDefinition definition) {
        return WebForm.<WebForm>findById(definition.id()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("Form " + definition.id() + " already exists", Map.of());
            }
            WebForm form = new WebForm();
            form.id = definition.id();
            form.createdAt = clock.instant();
            apply(form, definition);
            return form.persist().replaceWith(Response.created(URI.create("/api/forms/" + form.id))
                    .entity(view(form)).build());
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Change a web form")
    public Uni<FormDefinition> update(@PathParam("id") String id, @Valid @NotNull FormDefinition definition) {
        if (!id.equals(definition.id())) {
            throw ProblemException.unprocessable("id", "must match the form in the path");
        }
        return find(id).invoke(form -> apply(form, definition)).map(FormAdminResource::view);
    }

    @GET
    @WithSession
    @Operation(summary = "All web forms")
    public Uni<List<FormDefinition>> list() {
        return WebForm.<WebForm>listAll().map(forms -> forms.stream().map(FormAdminResource::view).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One web form")
    public Uni<FormDefinition> get(@PathParam("id") String id) {
        return find(id).map(FormAdminResource::view);
    }

    @DELETE
    @Path("/{id}")
    @WithTransaction
    @Operation(summary = "Remove a web form; its leads stay")
    public Uni<Response> delete(@PathParam("id") String id) {
        return find(id).chain(form -> form.delete()).replaceWith(Response.noContent().build());
    }

    private static Uni<WebForm> find(String id) {
        return WebForm.<WebForm>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Form " + id));
    }

    private void apply(WebForm form, FormDefinition d) {
        form.name = d.name();
        form.allowedOrigins = List.copyOf(d.allowedOrigins());
        form.fieldMapping = d.fieldMapping() == null ? Map.of() : Map.copyOf(d.fieldMapping());
        form.thankYouUrl = d.thankYouUrl();
        form.honeypotField = d.honeypotField();
        form.consentText = d.consentText();
        form.consentVersion = d.consentVersion();
        form.updatedAt = clock.instant();
    }

    private static FormDefinition view(WebForm f) {
        return new FormDefinition(f.id, f.name, f.allowedOrigins, f.fieldMapping, f.thankYouUrl, f.honeypotField,
                f.consentText, f.consentVersion);
    }
}
