package io.funnel.events;

import static io.funnel.events.LifecycleStage.CUSTOMER;
import static io.funnel.events.LifecycleStage.DISQUALIFIED;
import static io.funnel.events.LifecycleStage.LEAD;
import static io.funnel.events.LifecycleStage.LOST;
import static io.funnel.events.LifecycleStage.MQL;
import static io.funnel.events.LifecycleStage.OPPORTUNITY;
import static io.funnel.events.LifecycleStage.RECYCLED;
import static io.funnel.events.LifecycleStage.SQL;
import static io.funnel.events.LifecycleStage.VISITOR;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifecycleStageTest {

    @Test
    void funnelMovesForwardOneOrMoreStages() {
        assertThat(VISITOR.canMoveTo(LEAD)).isTrue();
        assertThat(LEAD.canMoveTo(SQL)).isTrue();
        assertThat(SQL.canMoveTo(CUSTOMER)).isTrue();
    }

    @Test
    void neverMovesBackwardsWithoutRecycle() {
        assertThat(SQL.canMoveTo(MQL)).isFalse();
        assertThat(MQL.canMoveTo(LEAD)).isFalse();
        assertThat(CUSTOMER.canMoveTo(OPPORTUNITY)).isFalse();
    }

    @Test
    void rejectedLeadsAreRecycledAndCanQualifyAgain() {
        assertThat(MQL.canMoveTo(RECYCLED)).isTrue();
        assertThat(SQL.canMoveTo(RECYCLED)).isTrue();
        assertThat(RECYCLED.canMoveTo(LEAD)).isTrue();
        assertThat(RECYCLED.canMoveTo(MQL)).isTrue();
        assertThat(RECYCLED.canMoveTo(SQL)).isFalse();
    }

    @Test
    void onlyOpportunitiesAreLostAndCustomersAreFinal() {
        assertThat(OPPORTUNITY.canMoveTo(LOST)).isTrue();
        assertThat(SQL.canMoveTo(LOST)).isFalse();
        assertThat(CUSTOMER.allowedNext()).isEmpty();
        assertThat(DISQUALIFIED.allowedNext()).isEmpty();
    }

    @Test
    void sideOutcomesAreNotFunnelStages() {
        assertThat(LifecycleStage.values()).filteredOn(LifecycleStage::isFunnelStage)
                .containsExactly(VISITOR, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER);
    }
}
