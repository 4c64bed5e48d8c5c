package io.funnel.qualification.api;

import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.funnel.qualification.domain.AgreementBook;
import io.funnel.qualification.domain.CompiledModel;
import io.funnel.qualification.domain.HistoryReplay;
import io.funnel.qualification.domain.MqlPolicy;
import io.funnel.qualification.domain.Personas;
import io.funnel.qualification.domain.ScoringModels;
import io.funnel.qualification.domain.Simulator;
import io.funnel.qualification.persistence.ScoringModelVersion;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring-model")
@RolesAllowed(Roles.MARKETING)
@Tag(name = "Scoring model")
@Produces(MediaType.APPLICATION_JSON)
public class ScoringModelResource {

    private final ScoringModels models;
    private final HistoryReplay replay;
    private final AgreementBook agreements;
    private final Personas personas;
    private final Clock clock;
    private final SecurityIdentity caller;

    public ScoringModelResource(ScoringModels models, HistoryReplay replay, AgreementBook agreements,
            Personas personas, Clock clock, SecurityIdentity caller) {
        this.models = models;
        this.replay = replay;
        this.agreements = agreements;
        this.personas = personas;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.SALES_MANAGER, Roles.REVENUE_OPS})
    @WithSession
    @Operation(summary = "The scoring model in force")
    public Uni<ModelView> current() {
        return models.current().map(ModelView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Change the scoring model", description = "Stores a new version whose author is the caller "
            + "(the token's user name: upn, else preferred_username, else sub); an invalid model is refused as a "
            + "whole with 422 naming each bad rule (e.g. fitRules[2].pattern).")
    public Uni<ModelView> change(@Valid @NotNull ModelChange change) {
        return models.change(change.model(), caller.getPrincipal().getName()).map(ModelView::of);
    }

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.SALES_MANAGER, Roles.REVENUE_OPS})
    @Path("/versions")
    @WithSession
    @Operation(summary = "Every version of the scoring model, newest first")
    public Uni<List<ModelView.Summary>> versions() {
        return ScoringModelVersion.<ScoringModelVersion>find("order by version desc").list()
                .map(all -> all.stream().map(v -> new ModelView.Summary(v.version, v.author, v.createdAt)).toList());
    }

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.SALES_MANAGER, Roles.REVENUE_OPS})
    @Path("/versions/{version}")
    @WithSession
    @Operation(summary = "One version of the scoring model")
    public Uni<ModelView> version(@PathParam("version") int version) {
        return ScoringModelVersion.<ScoringModelVersion>findById(version)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Scoring model version " + version))
                .map(ModelView::of);
    }

    @POST
    @Path("/simulate")
    @RolesAllowed({Roles.MARKETING, Roles.REVENUE_OPS})
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "What-if: replay stored lead histories against a proposed model",
            description = "MQLs per month the proposed model would have produced under the MQL definition in force "
                    + "(threshold, required persona, recycling rule), and how many of those sales in fact accepted, "
                    + "rejected and won; beside the same numbers for the model in force.")
    public Uni<SimulationView> simulate(@Valid @NotNull SimulationRequest request) {
        ScoringModels.requireValid(request.model());
        CompiledModel proposed = CompiledModel.of(0, request.model());
        return models.compiledCurrent().chain(current -> agreements.definitionAt(clock.instant())
                .chain(inForce -> personas.all().chain(known -> {
                    MqlPolicy.Definition definition = request.threshold() == null ? inForce
                            : new MqlPolicy.Definition(request.threshold(), inForce.requiredPersona());
                    Simulator simulator = new Simulator(agreements.policy(), definition, known);
                    return replay.replay(simulator, proposed, current).map(replayed -> new SimulationView(
                            definition.threshold(), definition.requiredPersona(), current.version(),
                            replayed.proposed(), replayed.current(), replayed.millis()));
                })));
    }
}
