package io.funnel.reporting;

import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.Utm;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Builds and publishes hand-computed scenarios: shuffled, and every third event delivered twice. */
final class Scenario {

    static final LeadProfile PROFILE = new LeadProfile("x@y.example", null, null, null, null, null, null, null, null);

    private final Instant t0;
    private final List<FunnelEvent> events = new ArrayList<>();

    Scenario(Instant t0) {
        this.t0 = t0;
    }

    Instant hours(double h) {
        return t0.plus(Duration.ofMinutes(Math.round(h * 60)));
    }

    Scenario add(FunnelEvent... more) {
        events.addAll(List.of(more));
        return this;
    }

    /** A captured lead with first-touch source, campaign and UTM content. */
    Scenario lead(UUID leadId, double atHours, String source, String campaign, String content) {
        return add(new LeadCaptured(leadId, PROFILE, new Attribution(source, campaign,
                new Utm(null, null, null, null, content), null), null, null, hours(atHours)));
    }

    void publish(long seed) {
        List<FunnelEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            for (int i = 0; i < shuffled.size(); i++) {
                String id = UUID.randomUUID().toString();
                probe.publish(shuffled.get(i), id);
                if (i % 3 == 0) {
                    probe.publish(shuffled.get(i), id);
                }
            }
        }
    }
}
