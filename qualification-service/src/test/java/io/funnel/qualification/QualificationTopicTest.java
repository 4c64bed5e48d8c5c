package io.funnel.qualification;

import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.TopicProbe.Received;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that publishes events to qualification's topics and reads what it published on its own. */
abstract class QualificationTopicTest {

    @Inject
    MutableClock clock;

    TopicProbe probe;

    @BeforeEach
    void subscribe() {
        probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.QUALIFICATION);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    /** What qualification published of {@code event} (e.g. "LeadScored") for the lead, in order. */
    List<Received> of(UUID leadId, String event) {
        return probe.ofType("io.funnel." + event + ".v1").stream().filter(r -> leadId.toString().equals(r.key()))
                .toList();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
