package io.funnel.pipeline.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides who gets an MQL. The first rule (in order) whose criteria all match the lead wins; without a match the
 * fallback pool is every active rep covering the lead's country (and persona, if the rep specialises). Within the pool
 * the rep with the most free capacity gets the lead, ties going to the rep whose turn came longest ago: a round robin
 * weighted by free capacity. A pool without free capacity leaves the lead waiting in the queue, unassigned. Pure.
 */
public final class RepRouter {

    /** What routing knows about a lead; {@code null} attributes match no criterion that names values. */
    public record LeadFacts(String country, String source, String persona, int score) {
    }

    /** One assignment rule; empty sets and null bounds match anything. {@code repIds} empty: the covering reps. */
    public record Rule(UUID id, Set<String> countries, Set<String> personas, Set<String> sources, Integer minScore,
            Integer maxScore, String queue, List<UUID> repIds) {

        boolean matches(LeadFacts lead) {
            return within(countries, lead.country()) && within(personas, lead.persona())
                    && within(sources, lead.source())
                    && (minScore == null || lead.score() >= minScore)
                    && (maxScore == null || lead.score() <= maxScore);
        }
    }

    /** A rep as routing sees it; {@code lastTurn} orders the round robin (null: never had a turn). */
    public record Candidate(UUID id, Set<String> territories, Set<String> personas, int capacity, boolean active,
            Long lastTurn) {

        boolean covers(LeadFacts lead) {
            return lead.country() != null && within(territories, lead.country())
                    && (personas.isEmpty() || within(personas, lead.persona()));
        }
    }

    /** The outcome: {@code ruleId} null for the fallback, {@code repId} null when the lead waits in the queue. */
    public record Routing(UUID ruleId, String queue, UUID repId) {
    }

    private final String defaultQueue;

    public RepRouter(String defaultQueue) {
        this.defaultQueue = defaultQueue;
    }

    /**
     * @param openLeads open (undecided) leads per rep, counted against capacity
     * @param excluded  a rep that must not get the lead (the one being deactivated), or null
     */
    public Routing route(LeadFacts lead, List<Rule> rules, List<Candidate> reps, Map<UUID, Long> openLeads,
            UUID excluded) {
        Optional<Rule> rule = rules.stream().filter(r -> r.matches(lead)).findFirst();
        List<Candidate> pool = rule
                .map(r -> r.repIds().isEmpty()
                        ? reps.stream().filter(c -> c.covers(lead)).toList()
                        : reps.stream().filter(c -> r.repIds().contains(c.id())).toList())
                .orElseGet(() -> reps.stream().filter(c -> c.covers(lead)).toList());
        UUID chosen = pool.stream()
                .filter(c -> c.active() && !c.id().equals(excluded))
                .filter(c -> free(c, openLeads) > 0)
                .min(Comparator.<Candidate>comparingLong(c -> -free(c, openLeads))
                        .thenComparing(Candidate::lastTurn, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Candidate::id))
                .map(Candidate::id)
                .orElse(null);
        String queue = rule.map(Rule::queue).filter(q -> !q.isBlank()).orElse(defaultQueue);
        return new Routing(rule.map(Rule::id).orElse(null), queue, chosen);
    }

    private static long free(Candidate c, Map<UUID, Long> openLeads) {
        return c.capacity() - openLeads.getOrDefault(c.id(), 0L);
    }

    private static boolean within(Set<String> allowed, String value) {
        if (allowed.isEmpty()) {
            return true;
        }
        return value != null && allowed.stream().anyMatch(value::equalsIgnoreCase);
    }
}
