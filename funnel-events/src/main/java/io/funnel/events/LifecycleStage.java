package io.funnel.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * Stages of the shared funnel and the side outcomes. Leads move forward one or more stages; the only way back is an
 * explicit recycle (sales rejected the lead, with a reason), after which the lead is nurtured as a {@code LEAD} again.
 */
public enum LifecycleStage {
    VISITOR(Owner.MARKETING, true),
    LEAD(Owner.MARKETING, true),
    MQL(Owner.MARKETING, true),
    SQL(Owner.SALES, true),
    OPPORTUNITY(Owner.SALES, true),
    CUSTOMER(Owner.SALES, true),
    DISQUALIFIED(Owner.MARKETING, false),
    RECYCLED(Owner.SALES, false),
    LOST(Owner.SALES, false);

    public enum Owner {
        MARKETING, SALES
    }

    private final Owner owner;
    private final boolean funnelStage;

    LifecycleStage(Owner owner, boolean funnelStage) {
        this.owner = owner;
        this.funnelStage = funnelStage;
    }

    public Owner owner() {
        return owner;
    }

    /** True for the six stages of the funnel, false for the side outcomes. */
    public boolean isFunnelStage() {
        return funnelStage;
    }

    public Set<LifecycleStage> allowedNext() {
        return switch (this) {
            case VISITOR -> EnumSet.of(LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER, DISQUALIFIED);
            case LEAD -> EnumSet.of(MQL, SQL, OPPORTUNITY, CUSTOMER, DISQUALIFIED);
            case MQL -> EnumSet.of(SQL, OPPORTUNITY, CUSTOMER, RECYCLED, DISQUALIFIED);
            case SQL -> EnumSet.of(OPPORTUNITY, CUSTOMER, RECYCLED);
            case OPPORTUNITY -> EnumSet.of(CUSTOMER, LOST);
            case RECYCLED -> EnumSet.of(LEAD, MQL, DISQUALIFIED);
            case LOST -> EnumSet.of(RECYCLED);
            case CUSTOMER, DISQUALIFIED -> EnumSet.noneOf(LifecycleStage.class);
        };
    }

    public boolean canMoveTo(LifecycleStage next) {
        return allowedNext().contains(next);
    }
}
