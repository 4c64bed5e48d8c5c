package io.funnel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.TopicProbe.Received;
import io.funnel.pipeline.support.Pipeline;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class PoisonEventTest {

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicsAndConsumptionGoesOn() {
        String qualificationDlq = Topics.deadLetter(Topics.QUALIFICATION);
        String agreementsDlq = Topics.deadLetter(Topics.AGREEMENTS);
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), qualificationDlq,
                agreementsDlq, Topics.PIPELINE)) {
            String marker = "{not json " + UUID.randomUUID();
            probe.send(Topics.QUALIFICATION, "poison", marker, Map.of("ce_specversion", "1.0", "ce_id",
                    UUID.randomUUID().toString(), "ce_type", "io.funnel.LeadQualified.v1", "ce_source", "/fuzz"));
            probe.send(Topics.AGREEMENTS, "agreement", marker, Map.of());
            UUID leadId = UUID.randomUUID();
            Pipeline.qualified(probe, leadId, 70);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(probe.records()).filteredOn(r -> r.topic().equals(qualificationDlq))
                        .extracting(Received::value).contains(marker);
                assertThat(probe.records()).filteredOn(r -> r.topic().equals(agreementsDlq))
                        .extracting(Received::value).contains(marker);
            });
            Pipeline.awaitLead(leadId);
        }
    }
}
