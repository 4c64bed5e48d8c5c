package io.funnel.reporting.api;

import io.funnel.events.LifecycleStage;
import io.funnel.reporting.domain.GoalMetric;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A SMART goal: specific (name, metric), measurable (target), time-bound (startsOn–deadline), owned by a team. */
public record GoalRequest(@NotBlank @Size(max = 200) String name, @NotNull GoalMetric metric,
        @NotNull @Digits(integer = 17, fraction = 2) BigDecimal target, @NotNull LocalDate startsOn, @NotNull LocalDate deadline,
        @NotNull LifecycleStage.Owner ownerTeam) {

    @AssertTrue(message = "must not be before startsOn")
    public boolean isDeadline() {
        return startsOn == null || deadline == null || !deadline.isBefore(startsOn);
    }
}
