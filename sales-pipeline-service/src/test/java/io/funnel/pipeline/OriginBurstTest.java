package io.funnel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.platform.security.Roles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Capture's events consumed in one batch are recorded together: each lead keeps its newest country and source, also
 * when the batch holds two of its events in either order, and an MQL queued before its origin was known is routed.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class OriginBurstTest {

    private static final Instant CAPTURED = Instant.parse("2026-03-01T10:00:00Z");

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @Inject
    MeterRegistry registry;

    @Test
    void aBurstOfCapturesKeepsEachLeadsNewestOriginAndRoutesTheMqlsWaitingForIt() {
        String source = "burst-" + UUID.randomUUID();
        String repId = Pipeline.rep("Bea Burst", "ES", 100);
        Pipeline.ruleForSource(source, "bursts", repId);
        UUID waiting = UUID.randomUUID();
        Pipeline.qualified(probe, waiting, 70);
        Pipeline.awaitLead(waiting);
        assertThat(Pipeline.repOf(waiting)).as("queued: neither country nor source known yet").isNull();

        double splitBefore = batchesSplit();
        UUID updatedLater = UUID.randomUUID();
        UUID updatedEarlier = UUID.randomUUID();
        List<UUID> others = Stream.generate(UUID::randomUUID).limit(40).toList();
        List<FunnelEvent> burst = new ArrayList<>();
        burst.add(Pipeline.capture(waiting, "ES", source, CAPTURED));
        burst.add(Pipeline.capture(updatedLater, "PT", "elsewhere", CAPTURED));
        burst.add(new LeadUpdated(updatedLater, Pipeline.profile(null), new Attribution(source, null, null, null),
                CAPTURED.plusSeconds(60)));
        burst.add(new LeadUpdated(updatedEarlier, Pipeline.profile("FR"), new Attribution(source, null, null, null),
                CAPTURED.plusSeconds(60)));
        burst.add(Pipeline.capture(updatedEarlier, "DE", "elsewhere", CAPTURED));
        others.forEach(leadId -> burst.add(Pipeline.capture(leadId, "ES", source, CAPTURED)));
        probe.publishAll(burst);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from lead_routing"
                + " where source = '" + source + "'") == 43);
        await().atMost(Duration.ofSeconds(30)).until(() -> repId.equals(Pipeline.repOf(waiting)));
        assertThat(hasOrigin(updatedLater, "PT", source)).as("the profile's empty country keeps the one known")
                .isTrue();
        assertThat(hasOrigin(updatedEarlier, "FR", source)).as("the older capture, read second, changes nothing")
                .isTrue();
        assertThat(batchesSplit()).as("no batch failed and was applied again event by event").isEqualTo(splitBefore);
    }

    private static boolean hasOrigin(UUID leadId, String country, String source) {
        return TestDatabase.count("select count(*) from lead_routing where lead_id = '" + leadId + "' and country = '"
                + country + "' and source = '" + source + "'") == 1;
    }

    private double batchesSplit() {
        Counter split = registry.find("funnel.events.batch.split").counter();
        return split == null ? 0 : split.count();
    }
}
