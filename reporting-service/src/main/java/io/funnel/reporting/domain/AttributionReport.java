package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.SalesFeedback;
import io.funnel.reporting.persistence.SalesFeedback.Opportunity;
import io.funnel.reporting.persistence.Touches;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Revenue (opportunities won in the period) and pipeline (opportunities opened in the period) credited to campaigns
 * and content through the touches of their leads up to the conversion. A conversion without touches is credited to
 * {@code (none)}, so each model's credits add up to the total.
 */
@ApplicationScoped
public class AttributionReport {

    public record Credit(String key, BigDecimal revenue, BigDecimal pipeline) {
    }

    public record ModelCredits(String model, List<Credit> byCampaign, List<Credit> byContent) {
    }

    public record Attribution(Instant from, Instant to, BigDecimal revenue, BigDecimal pipeline,
            List<ModelCredits> models) {
    }

    private final Touches touches;
    private final SalesFeedback opportunities;

    public AttributionReport(Touches touches, SalesFeedback opportunities) {
        this.touches = touches;
        this.opportunities = opportunities;
    }

    public Uni<Attribution> report(Period period, List<AttributionModel> models) {
        return opportunities.opportunities().chain(opps -> {
            List<Opportunity> won = opps.stream().filter(o -> o.wonAt() != null && period.contains(o.wonAt()))
                    .toList();
            List<Opportunity> opened = opps.stream()
                    .filter(o -> o.openedAt() != null && period.contains(o.openedAt())).toList();
            Set<UUID> leads = Stream.concat(won.stream(), opened.stream()).map(Opportunity::leadId)
                    .collect(Collectors.toSet());
            return touches.ofLeads(leads).map(touched -> {
                Map<UUID, List<Touch>> byLead = touched.stream().sorted(Comparator.comparing(Touch::at)
                                .thenComparing(t -> !t.capture()))
                        .collect(Collectors.groupingBy(Touch::leadId));
                List<ModelCredits> credits = models.stream()
                        .map(m -> credits(m, byLead, won, opened)).toList();
                return new Attribution(period.from(), period.to(), sum(won, Opportunity::wonAmount),
                        sum(opened, Opportunity::amount), credits);
            });
        });
    }

    static ModelCredits credits(AttributionModel model, Map<UUID, List<Touch>> byLead, List<Opportunity> won,
            List<Opportunity> opened) {
        Map<String, double[]> campaigns = new TreeMap<>();
        Map<String, double[]> contents = new TreeMap<>();
        for (Opportunity o : won) {
            credit(model, byLead, o, o.wonAt(), value(o.wonAmount()), 0, campaigns, contents);
        }
        for (Opportunity o : opened) {
            credit(model, byLead, o, o.openedAt(), value(o.amount()), 1, campaigns, contents);
        }
        return new ModelCredits(model.label(), toCredits(campaigns), toCredits(contents));
    }

    private static void credit(AttributionModel model, Map<UUID, List<Touch>> byLead, Opportunity o,
            Instant conversion, double value, int column, Map<String, double[]> campaigns,
            Map<String, double[]> contents) {
        List<Touch> before = new ArrayList<>(byLead.getOrDefault(o.leadId(), List.of()).stream()
                .filter(t -> !t.at().isAfter(conversion)).toList());
        if (before.isEmpty()) {
            campaigns.computeIfAbsent(GroupBy.NONE, k -> new double[2])[column] += value;
            contents.computeIfAbsent(GroupBy.NONE, k -> new double[2])[column] += value;
            return;
        }
        double[] weights = model.weights(before, conversion, o.openedAt());
        for (int i = 0; i < before.size(); i++) {
            Touch t = before.get(i);
            campaigns.computeIfAbsent(keyOf(t.campaign()), k -> new double[2])[column] += value * weights[i];
            contents.computeIfAbsent(keyOf(t.content()), k -> new double[2])[column] += value * weights[i];
        }
    }

    private static List<Credit> toCredits(Map<String, double[]> sums) {
        return sums.entrySet().stream()
                .map(e -> new Credit(e.getKey(), money(e.getValue()[0]), money(e.getValue()[1])))
                .sorted(Comparator.comparing(Credit::revenue).reversed().thenComparing(Credit::key))
                .toList();
    }

    private static String keyOf(String value) {
        return value == null || value.isBlank() ? GroupBy.NONE : value;
    }

    private static double value(BigDecimal amount) {
        return amount == null ? 0 : amount.doubleValue();
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<Opportunity> opportunities, Function<Opportunity, BigDecimal> amount) {
        return opportunities.stream().map(amount).map(a -> a == null ? BigDecimal.ZERO : a)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }
}
