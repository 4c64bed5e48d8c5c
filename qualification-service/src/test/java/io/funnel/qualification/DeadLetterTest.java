package io.funnel.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.EventTypes;
import io.funnel.events.FunnelEvent;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unreadable records on the pipeline and agreements topics go to their dead-letter topics, and the readable events of
 * the same poll are applied after them; consumption goes on.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class DeadLetterTest {

    static Stream<Arguments> consumers() {
        return Stream.of(
                Arguments.of(Topics.PIPELINE, new LeadAccepted(UUID.randomUUID(), UUID.randomUUID(), Instant.now())),
                // effective long ago and at the default threshold: no other test's MQL definition changes
                Arguments.of(Topics.AGREEMENTS, new AgreementUpdated(
                        ThreadLocalRandom.current().nextInt(1_000, 1_000_000), 50, null, 100, new BigDecimal("0.5"),
                        8, 5, new BigDecimal("100000"), "EUR", "marketing", "sales",
                        Instant.parse("2000-01-01T00:00:00Z"), Instant.now())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumers")
    void unreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn(String topic, FunnelEvent next) {
        String poison = "{not json " + UUID.randomUUID();
        String nextId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(),
                Topics.deadLetter(topic))) {
            // the same key through one producer: one partition, one record batch, so one poll holds both and the
            // readable event is applied after the poison was dead-lettered
            probe.sendAll(List.of(TopicProbe.record(topic, next.key(), poison, Map.of("ce_specversion", "1.0",
                            "ce_id", "poison-" + nextId, "ce_type", EventTypes.typeOf(next), "ce_source", "/fuzz")),
                    TopicProbe.cloudEvent(next, nextId, "/fuzz")));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.records())
                    .filteredOn(r -> r.value().equals(poison)).singleElement().satisfies(r -> {
                        assertThat(r.header("dead-letter-topic")).isEqualTo(topic);
                        assertThat(r.header("dead-letter-reason")).isNotBlank();
                    }));
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                    "select count(*) from processed_event where event_id = '" + nextId + "'") == 1);
        }
    }
}
