package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.StageEntries;
import io.funnel.platform.api.ProblemException;
import io.funnel.reporting.persistence.SalesFeedback;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** Measures the look-back window and runs the {@link ReversePlan}. */
@ApplicationScoped
public class Planner {

    /** What the journeys give the plan: the look-back window's figures and the open funnel. */
    private record Measured(FunnelMath.Figures history, long[] openByStage) {
    }

    private final StageEntries journeys;
    private final SalesFeedback opportunities;

    public Planner(StageEntries journeys, SalesFeedback opportunities) {
        this.journeys = journeys;
        this.opportunities = opportunities;
    }

    public Uni<ReversePlan.Plan> plan(YearMonth period, BigDecimal target, BigDecimal dealSize, int lookBackMonths,
            Instant asOf) {
        Instant from = asOf.atOffset(ZoneOffset.UTC).minusMonths(lookBackMonths).toInstant();
        Period window = new Period(from, asOf);
        return journeys.collectJourneys(asOf, Collectors.teeing(
                Collectors.filtering(j -> window.contains(j.firstSeen()), FunnelMath.figures()),
                ReversePlan.openByStage(), Measured::new)).chain(measured -> opportunities.opportunities().map(opps -> {
            BigDecimal size = dealSize;
            if (size == null) {
                List<BigDecimal> won = opps.stream().filter(o -> o.wonAt() != null && window.contains(o.wonAt())
                        && o.wonAmount() != null).map(SalesFeedback.Opportunity::wonAmount).toList();
                if (won.isEmpty()) {
                    throw ProblemException.unprocessable("averageDealSize",
                            "required: no deal was won in the look-back window to measure it");
                }
                size = won.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(won.size()), 2, RoundingMode.HALF_UP);
            }
            return ReversePlan.plan(period, target, size, dealSize == null, from, asOf, measured.history(),
                    measured.openByStage());
        }));
    }
}
