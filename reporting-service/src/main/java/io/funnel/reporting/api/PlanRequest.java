package io.funnel.reporting.api;

import java.math.BigDecimal;

/**
 * {@code period}: the month the revenue must close (2026-06). {@code averageDealSize}: measured from the deals won in
 * the look-back window when absent. {@code lookBackMonths} (default 12) before {@code asOf} (default now).
 */
public record PlanRequest(BigDecimal revenueTarget, String period, BigDecimal averageDealSize, Integer lookBackMonths,
        String asOf) {
}
