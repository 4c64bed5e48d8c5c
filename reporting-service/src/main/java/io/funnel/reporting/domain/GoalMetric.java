package io.funnel.reporting.domain;

import io.funnel.events.LifecycleStage;

/** What a goal measures: stage entries in its window, or revenue won / pipeline opened in it. */
public enum GoalMetric {
    LEADS(LifecycleStage.LEAD),
    MQLS(LifecycleStage.MQL),
    SQLS(LifecycleStage.SQL),
    OPPORTUNITIES(LifecycleStage.OPPORTUNITY),
    CUSTOMERS(LifecycleStage.CUSTOMER),
    REVENUE(null),
    PIPELINE(null);

    private final LifecycleStage stage;

    GoalMetric(LifecycleStage stage) {
        this.stage = stage;
    }

    /** The stage whose entries are counted; null for the money metrics. */
    public LifecycleStage stage() {
        return stage;
    }
}
