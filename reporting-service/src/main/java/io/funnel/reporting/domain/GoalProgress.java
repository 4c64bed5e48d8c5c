package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.StageEntries;
import io.funnel.events.LifecycleStage;
import io.funnel.reporting.persistence.Goal;
import io.funnel.reporting.persistence.SalesFeedback;
import io.funnel.reporting.persistence.SalesFeedback.Opportunity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collector;
import java.util.stream.IntStream;

/** A goal with how far it got: actual, share of the target, where a straight line says it should be by now. */
@ApplicationScoped
public class GoalProgress {

    public enum Status {
        NOT_STARTED, ON_TRACK, BEHIND, ACHIEVED, MISSED
    }

    public record Progress(UUID id, String name, GoalMetric metric, BigDecimal target, LocalDate startsOn,
            LocalDate deadline, String ownerTeam, BigDecimal actual, double share, BigDecimal expectedByNow,
            Status status) {
    }

    private final StageEntries journeys;
    private final SalesFeedback opportunities;
    private final Clock clock;

    public GoalProgress(StageEntries journeys, SalesFeedback opportunities, Clock clock) {
        this.journeys = journeys;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    public Uni<List<Progress>> of(List<Goal> goals) {
        Instant now = clock.instant();
        Uni<long[]> stageEntries = goals.stream().anyMatch(g -> g.metric.stage() != null)
                ? journeys.collectJourneys(now, stageEntries(goals)) : Uni.createFrom().item(new long[goals.size()]);
        return stageEntries.chain(entries -> opportunities.opportunities()
                .map(opps -> IntStream.range(0, goals.size())
                        .mapToObj(i -> progress(goals.get(i), entries[i], opps, now)).toList()));
    }

    /** For each goal on a stage, how many journeys entered the stage in its window. */
    private static Collector<LeadJourney, ?, long[]> stageEntries(List<Goal> goals) {
        List<Period> windows = goals.stream().map(GoalProgress::window).toList();
        return Collector.of(() -> new long[goals.size()], (counts, journey) -> {
            for (int i = 0; i < goals.size(); i++) {
                LifecycleStage stage = goals.get(i).metric.stage();
                Instant entered = stage == null ? null : journey.entries().get(stage);
                counts[i] += entered != null && windows.get(i).contains(entered) ? 1 : 0;
            }
        }, (a, b) -> {
            Arrays.setAll(a, i -> a[i] + b[i]);
            return a;
        });
    }

    private static Period window(Goal goal) {
        return new Period(goal.startsOn.atStartOfDay(ZoneOffset.UTC).toInstant(),
                goal.deadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    static Progress progress(Goal goal, long stageEntries, List<Opportunity> opps, Instant now) {
        Period window = window(goal);
        Instant start = window.from();
        Instant end = window.to();
        BigDecimal actual = switch (goal.metric) {
            case REVENUE -> opps.stream().filter(o -> o.wonAt() != null && window.contains(o.wonAt()))
                    .map(o -> o.wonAmount() == null ? BigDecimal.ZERO : o.wonAmount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            case PIPELINE -> opps.stream().filter(o -> o.openedAt() != null && window.contains(o.openedAt()))
                    .map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            default -> BigDecimal.valueOf(stageEntries);
        };
        double elapsed = now.isBefore(start) ? 0 : now.isAfter(end) ? 1
                : (double) Duration.between(start, now).toMillis() / Duration.between(start, end).toMillis();
        BigDecimal expected = goal.target.multiply(BigDecimal.valueOf(elapsed)).setScale(2, RoundingMode.HALF_UP);
        Status status;
        if (actual.compareTo(goal.target) >= 0) {
            status = Status.ACHIEVED;
        } else if (!now.isBefore(end)) {
            status = Status.MISSED;
        } else if (now.isBefore(start)) {
            status = Status.NOT_STARTED;
        } else {
            status = actual.compareTo(expected) >= 0 ? Status.ON_TRACK : Status.BEHIND;
        }
        double share = Math.round(actual.doubleValue() / goal.target.doubleValue() * 10_000) / 10_000.0;
        return new Progress(goal.id, goal.name, goal.metric, goal.target, goal.startsOn, goal.deadline,
                goal.ownerTeam.name(), actual.setScale(2, RoundingMode.HALF_UP), share, expected, status);
    }
}
