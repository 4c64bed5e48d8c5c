package io.funnel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.FunnelEvent;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.sqm.internal.SqmCriteriaNodeBuilder;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batch after batch, the consumers reuse the plans Hibernate keeps for their statements (the inbox's log of event ids,
 * the round-robin turn): a plan stored anew at each execution would grow the cache with every batch and slow every
 * lookup in it.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class QueryPlanCacheTest {

    private static final Instant CAPTURED = Instant.parse("2026-03-01T10:00:00Z");

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void assigningMoreLeadsPlansNoMoreStatements() {
        String source = "plans-" + UUID.randomUUID();
        String repId = Pipeline.rep("Pia Plans", "ES", 1000);
        Pipeline.ruleForSource(source, "plans", repId);
        assignBurst(source, repId, 5, 5);
        int planned = cachedPlans();

        assignBurst(source, repId, 20, 25);
        assignBurst(source, repId, 7, 32);

        assertThat(cachedPlans() - planned)
                .as("27 more leads in batches of other sizes; at most a background job's first statements are new")
                .isLessThanOrEqualTo(2);
    }

    /** Captures and qualifies leads of the source in two bursts; waits until the rep holds {@code total} leads. */
    private void assignBurst(String source, String repId, int leads, int total) {
        List<FunnelEvent> captures = new ArrayList<>();
        List<FunnelEvent> mqls = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            UUID leadId = UUID.randomUUID();
            captures.add(Pipeline.capture(leadId, "ES", source, CAPTURED));
            mqls.add(new LeadQualified(leadId, 70, 50, null, Pipeline.WHY, CAPTURED.plusSeconds(60)));
        }
        probe.publishAll(captures);
        probe.publishAll(mqls);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from pipeline_lead where rep_id = '" + repId + "'") == total);
    }

    private int cachedPlans() {
        return ((SqmCriteriaNodeBuilder) sessions.getCriteriaBuilder()).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
