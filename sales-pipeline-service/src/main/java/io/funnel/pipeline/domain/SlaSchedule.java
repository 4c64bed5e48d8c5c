package io.funnel.pipeline.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The follow-up deadlines of one assignment: first contact within N working hours, decision (accept or reject)
 * within N working days, each with the moment it becomes at risk (a share of the window, in working time).
 */
public record SlaSchedule(Instant firstContactDue, Instant firstContactRiskAt, Instant decisionDue,
        Instant decisionRiskAt) {

    public static SlaSchedule of(WorkingCalendar calendar, Instant assignedAt, SlaTerms terms) {
        Duration contact = Duration.ofHours(terms.firstContactHours());
        Duration decision = calendar.workingDay().multipliedBy(terms.decisionDays());
        return new SlaSchedule(
                calendar.plus(assignedAt, contact), calendar.plus(assignedAt, share(contact, terms.riskShare())),
                calendar.plus(assignedAt, decision), calendar.plus(assignedAt, share(decision, terms.riskShare())));
    }

    private static Duration share(Duration window, double share) {
        return Duration.ofSeconds(Math.round(window.toSeconds() * share));
    }
}
