package io.funnel.pipeline.domain;

/**
 * Sales' promises in the agreement in force: first contact within {@code firstContactHours} working hours, a decision
 * within {@code decisionDays} working days; {@code riskShare} of a window elapsed makes it at risk.
 */
public record SlaTerms(int agreementVersion, int firstContactHours, int decisionDays, double riskShare) {

    public SlaTerms {
        if (firstContactHours < 0 || decisionDays < 0 || riskShare <= 0 || riskShare >= 1) {
            throw new IllegalArgumentException("SLA windows must be positive and the risk share inside (0, 1)");
        }
    }
}
