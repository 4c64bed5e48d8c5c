package io.funnel.pipeline.api;

import io.funnel.pipeline.persistence.AssignmentRule;
import io.funnel.pipeline.persistence.Rep;
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
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/assignment-rules")
@Tag(name = "Assignment rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SALES_MANAGER)
public class AssignmentRuleResource {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** A rule as stored; {@code position} orders evaluation, the first match wins. */
    public record RuleView(UUID id, int position, String name, List<String> countries, List<String> personas,
            List<String> sources, Integer minScore, Integer maxScore, String queue, List<String> repIds,
            long version) {

        static RuleView of(AssignmentRule r) {
            return new RuleView(r.id, r.position, r.name, r.countries, r.personas, r.sources, r.minScore, r.maxScore,
                    r.queue, r.repIds, r.version);
        }
    }

    private final Clock clock;
    private final String defaultQueue;

    public AssignmentRuleResource(Clock clock,
            @ConfigProperty(name = "funnel.pipeline.default-queue") String defaultQueue) {
        this.clock = clock;
        this.defaultQueue = defaultQueue;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Add a routing rule")
    public Uni<Response> create(@Valid @NotNull AssignmentRuleRequest request) {
        AssignmentRule rule = new AssignmentRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = clock.instant();
        return checkReps(request).chain(() -> {
            apply(rule, request);
            return rule.persist();
        }).replaceWith(() -> Response.created(URI.create("/api/assignment-rules/" + rule.id))
                .entity(RuleView.of(rule)).build());
    }

    @GET
    @WithSession
    @Operation(summary = "The rules in evaluation order")
    public Uni<List<RuleView>> list() {
        return AssignmentRule.inOrder().map(rules -> rules.stream().map(RuleView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<RuleView> get(@PathParam("id") UUID id) {
        return find(id).map(RuleView::of);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Replace a rule", description = "Applies to leads qualified from now on.")
    public Uni<RuleView> update(@PathParam("id") UUID id, @Valid @NotNull AssignmentRuleRequest request) {
        return checkReps(request).chain(() -> find(id)).invoke(rule -> apply(rule, request)).map(RuleView::of);
    }

    @DELETE
    @Path("/{id}")
    @WithTransaction
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return find(id).chain(AssignmentRule::delete).replaceWith(Response.noContent().build());
    }

    private static Uni<AssignmentRule> find(UUID id) {
        return AssignmentRule.<AssignmentRule>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Assignment rule " + id));
    }

    /** Criteria bean validation cannot check: real countries, a score band that is not empty, reps that exist. */
    private static Uni<Void> checkReps(AssignmentRuleRequest request) {
        if (request.countries() != null) {
            request.countries().stream().filter(c -> !COUNTRIES.contains(c)).findFirst().ifPresent(c -> {
                throw ProblemException.unprocessable("countries", "unknown country code " + c);
            });
        }
        if (request.minScore() != null && request.maxScore() != null && request.minScore() > request.maxScore()) {
            throw ProblemException.unprocessable("maxScore", "must not be below minScore");
        }
        List<UUID> repIds = repIds(request);
        if (repIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Rep.count("id in ?1", repIds).invoke(found -> {
            if (found != repIds.size()) {
                throw ProblemException.unprocessable("repIds", "names a rep that does not exist");
            }
        }).replaceWithVoid();
    }

    private static List<UUID> repIds(AssignmentRuleRequest request) {
        return request.repIds() == null ? List.of() : request.repIds().stream().distinct().toList();
    }

    private void apply(AssignmentRule rule, AssignmentRuleRequest request) {
        rule.name = request.name().strip();
        rule.position = request.position();
        rule.countries = distinct(request.countries());
        rule.personas = distinct(request.personas());
        rule.sources = distinct(request.sources());
        rule.minScore = request.minScore();
        rule.maxScore = request.maxScore();
        rule.queue = request.queue() == null || request.queue().isBlank() ? defaultQueue : request.queue();
        rule.repIds = repIds(request).stream().map(UUID::toString).toList();
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }
}
