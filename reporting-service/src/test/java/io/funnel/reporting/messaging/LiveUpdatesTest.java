package io.funnel.reporting.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.platform.messaging.EventEnvelope;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

    private final LiveUpdates live = new LiveUpdates();

    @Test
    void announcesEachEventWithItsTypeSubjectAndTimeOnly() {
        AssertSubscriber<LiveUpdates.LiveEvent> listener = live.stream(Set.of()).subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        UUID lead = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-07T07:00:00Z");

        live.announce(erased(lead, at));

        listener.awaitItems(1, Duration.ofSeconds(5));
        assertEquals(new LiveUpdates.LiveEvent("LeadErased", lead.toString(), at), listener.getItems().get(0));
    }

    @Test
    void aListenerAskingForSomeTypesHearsOnlyOfThose() {
        AssertSubscriber<LiveUpdates.LiveEvent> erasures = live.stream(Set.of("LeadErased")).subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<LiveUpdates.LiveEvent> captures = live.stream(Set.of("LeadCaptured")).subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        UUID lead = UUID.randomUUID();

        live.announce(erased(lead, Instant.now()));

        erasures.awaitItems(1, Duration.ofSeconds(5));
        assertEquals(lead.toString(), erasures.getItems().get(0).subject());
        captures.assertHasNotReceivedAnyItem();
    }

    @Test
    void aListenerTooFarBehindIsCutOffInsteadOfBufferingWithoutEnd() {
        AssertSubscriber<LiveUpdates.LiveEvent> stalled = live.stream(Set.of()).subscribe()
                .withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<LiveUpdates.LiveEvent> reading = live.stream(Set.of()).subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        int announcements = 0;

        while (announcements <= LiveUpdates.MAX_BEHIND) {
            for (int i = 0; i < 1_000; i++) {
                live.announce(erased(UUID.randomUUID(), Instant.now()));
            }
            announcements += 1_000;
            reading.awaitItems(announcements, Duration.ofSeconds(10));
        }

        stalled.awaitFailure(Duration.ofSeconds(5)).assertFailedWith(BackPressureFailure.class);
        reading.assertNotTerminated();
    }

    private static EventEnvelope erased(UUID lead, Instant at) {
        return new EventEnvelope(UUID.randomUUID().toString(), "io.funnel.LeadErased.v1", "/lead-capture-service",
                "funnel.leads.v1", at, new LeadErased(lead, at));
    }
}
