package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.LeadAttributes;
import io.funnel.reporting.persistence.SalesFeedback;
import io.funnel.reporting.persistence.SalesFeedback.Objection;
import io.funnel.reporting.persistence.SalesFeedback.Opportunity;
import io.funnel.reporting.persistence.SalesFeedback.Rejection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What sales hears, per campaign (or source, content, persona): rejection reasons, and objections with the revenue of
 * the opportunities lost where they were raised — the backlog for content.
 */
@ApplicationScoped
public class FeedbackReport {

    public record ReasonCount(String group, String reason, long count) {
    }

    /** {@code lostRevenue}: amounts of the opportunities lost in the period whose lead raised the objection. */
    public record ObjectionCost(String group, String objection, long mentions, long lostOpportunities,
            BigDecimal lostRevenue) {
    }

    public record Feedback(Instant from, Instant to, String groupBy, List<ReasonCount> rejections,
            List<ObjectionCost> objections) {
    }

    private final SalesFeedback feedback;
    private final LeadAttributes attributes;

    public FeedbackReport(SalesFeedback feedback, LeadAttributes attributes) {
        this.feedback = feedback;
        this.attributes = attributes;
    }

    public Uni<Feedback> report(Period period, GroupBy groupBy) {
        return feedback.rejections().chain(rejections -> feedback.objections()
                .chain(objections -> feedback.opportunities().chain(opportunities -> attributes.of(Stream.of(
                                rejections.stream().map(Rejection::leadId), objections.stream().map(Objection::leadId),
                                opportunities.stream().map(Opportunity::leadId))
                        .flatMap(leads -> leads).collect(Collectors.toSet())).map(profiles -> {
                    java.util.function.Function<UUID, String> group = lead -> groupBy.keyOf(
                            profiles.getOrDefault(lead, LeadProfile.UNKNOWN));
                    return new Feedback(period.from(), period.to(), groupBy.label(),
                            reasons(rejections, period, group), objections(objections, opportunities, period, group));
                }))));
    }

    static List<ReasonCount> reasons(List<Rejection> rejections, Period period,
            java.util.function.Function<UUID, String> group) {
        Map<List<String>, Long> counts = new HashMap<>();
        rejections.stream().filter(r -> period.contains(r.at()))
                .forEach(r -> counts.merge(List.of(group.apply(r.leadId()), r.reason()), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(e -> new ReasonCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparing(ReasonCount::group)
                        .thenComparing(Comparator.comparingLong(ReasonCount::count).reversed())
                        .thenComparing(ReasonCount::reason))
                .toList();
    }

    static List<ObjectionCost> objections(List<Objection> logged, List<Opportunity> opportunities, Period period,
            java.util.function.Function<UUID, String> group) {
        Map<UUID, Set<String>> raisedByLead = new HashMap<>();
        logged.forEach(o -> raisedByLead.computeIfAbsent(o.leadId(), k -> new HashSet<>()).add(o.category()));
        Map<List<String>, Long> mentions = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        logged.stream().filter(o -> period.contains(o.at()))
                .forEach(o -> mentions.merge(List.of(group.apply(o.leadId()), o.category()), 1L, Long::sum));
        Map<List<String>, List<Opportunity>> lostWith = new HashMap<>();
        for (Opportunity opportunity : opportunities) {
            if (opportunity.lostAt() == null || !period.contains(opportunity.lostAt())) {
                continue;
            }
            String key = group.apply(opportunity.leadId());
            Set<String> raised = new HashSet<>(raisedByLead.getOrDefault(opportunity.leadId(), Set.of()));
            if (opportunity.lostObjection() != null) {
                raised.add(opportunity.lostObjection());
                mentions.merge(List.of(key, opportunity.lostObjection()), 1L, Long::sum);
            }
            raised.forEach(o -> lostWith.computeIfAbsent(List.of(key, o), k -> new ArrayList<>()).add(opportunity));
        }
        lostWith.keySet().forEach(k -> mentions.putIfAbsent(k, 0L));
        return mentions.entrySet().stream().map(e -> {
                    List<Opportunity> lost = lostWith.getOrDefault(e.getKey(), List.of());
                    BigDecimal revenue = lost.stream().map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new ObjectionCost(e.getKey().get(0), e.getKey().get(1), e.getValue(), lost.size(),
                            revenue);
                })
                .sorted(Comparator.comparing(ObjectionCost::group)
                        .thenComparing(Comparator.comparing(ObjectionCost::lostRevenue).reversed())
                        .thenComparing(Comparator.comparingLong(ObjectionCost::mentions).reversed())
                        .thenComparing(ObjectionCost::objection))
                .toList();
    }
}
