package io.funnel.pipeline.api;

import io.funnel.pipeline.persistence.Opportunity;
import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.Rep;
import io.funnel.platform.api.Problem;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Whose leads the caller works: a sales manager every rep's, anyone else (a rep, role {@code sales}) only those of
 * the active rep whose e-mail is the token's user name. Leads and opportunities of other reps, or of nobody, are
 * answered as if they did not exist. Call inside a session.
 */
@ApplicationScoped
public class RepAccess {

    /** The reps whose leads the caller may see; {@code repIds} is null for every rep. */
    public record Scope(Set<UUID> repIds) {

        static final Scope EVERY_REP = new Scope(null);

        public boolean everyRep() {
            return repIds == null;
        }

        public boolean covers(UUID repId) {
            return repIds == null || repId != null && repIds.contains(repId);
        }
    }

    private final SecurityIdentity identity;

    public RepAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** 403 when the caller is not a manager and no active rep has their e-mail. */
    public Uni<Scope> scope() {
        if (identity.hasRole(Roles.SALES_MANAGER)) {
            return Uni.createFrom().item(Scope.EVERY_REP);
        }
        String email = identity.getPrincipal().getName();
        if (email == null || email.isBlank()) {
            return Uni.createFrom().failure(forbidden("Your token names no user; a rep's user name is their e-mail"));
        }
        return Rep.<Rep>list("active = true and lower(email) = lower(?1)", email.strip()).map(reps -> {
            if (reps.isEmpty()) {
                throw forbidden("There is no rep with your e-mail " + email);
            }
            return new Scope(reps.stream().map(r -> r.id).collect(Collectors.toUnmodifiableSet()));
        });
    }

    /** The lead if the caller may see it, otherwise null, like a lead that does not exist. */
    public Uni<PipelineLead> lead(UUID leadId) {
        return scope().chain(scope -> PipelineLead.<PipelineLead>findById(leadId)
                .map(lead -> lead != null && scope.covers(lead.repId) ? lead : null));
    }

    /** The opportunity if the caller may see it, otherwise null. */
    public Uni<Opportunity> opportunity(UUID opportunityId) {
        return scope().chain(scope -> Opportunity.<Opportunity>findById(opportunityId)
                .map(o -> o != null && scope.covers(o.repId) ? o : null));
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(Response.Status.FORBIDDEN, detail));
    }
}
