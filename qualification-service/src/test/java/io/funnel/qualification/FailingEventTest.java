package io.funnel.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event whose transaction keeps failing (here the database refuses its id) must not take the events consumed with
 * it down: the batch is applied one event at a time, the failing one goes to the dead-letter topic after its attempts
 * ({@code funnel.inbox.max-attempts}, 3 in tests), the others are applied.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class FailingEventTest {

    private static final String DOOMED = "doomed-";

    @BeforeEach
    void refuseDoomedIds() {
        TestDatabase.execute("""
                create or replace function refuse_doomed() returns trigger language plpgsql as $$
                begin raise exception 'refused event %', new.event_id; end $$""");
        TestDatabase.execute("create trigger refuse_doomed before insert on processed_event for each row"
                + " when (new.event_id like '" + DOOMED + "%') execute function refuse_doomed()");
    }

    @AfterEach
    void acceptAll() {
        TestDatabase.execute("drop trigger refuse_doomed on processed_event");
    }

    @Test
    void failingEventGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsApplied() {
        UUID lead = UUID.randomUUID();
        String before = UUID.randomUUID().toString();
        String doomed = DOOMED + UUID.randomUUID();
        String after = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(),
                Topics.deadLetter(Topics.PIPELINE))) {
            // one lead, so one partition, consumed in this order and usually in one poll
            probe.publish(new LeadAccepted(lead, null, Instant.now()), before);
            probe.publish(new LeadAccepted(lead, null, Instant.now()), doomed);
            probe.publish(new LeadAccepted(lead, null, Instant.now()), after);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.records())
                    .filteredOn(r -> doomed.equals(r.header("ce_id"))).singleElement().satisfies(r -> {
                        assertThat(r.header("dead-letter-topic")).isEqualTo(Topics.PIPELINE);
                        assertThat(r.header("dead-letter-reason")).isNotBlank();
                    }));
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                    "select count(*) from processed_event where event_id in ('" + before + "', '" + after + "')")
                    == 2);
            assertThat(TestDatabase.count("select count(*) from processed_event where event_id = '" + doomed + "'"))
                    .isZero();
        }
    }
}
