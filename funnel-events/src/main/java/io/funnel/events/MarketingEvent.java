package io.funnel.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Events on {@link Topics#MARKETING}: the campaign and content calendar. */
public sealed interface MarketingEvent extends FunnelEvent {

    @Override
    default String topic() {
        return Topics.MARKETING;
    }

    record CampaignLaunched(UUID campaignId, String name, String channel, LocalDate startsOn, LocalDate endsOn,
            Instant occurredAt) implements MarketingEvent {

        public CampaignLaunched {
            Require.present(campaignId, "campaignId");
            Require.present(name, "name");
            Require.present(occurredAt, "occurredAt");
        }

        @Override
        public String key() {
            return campaignId.toString();
        }
    }

    record ContentPublished(UUID contentId, String title, String format, UUID campaignId, String author,
            Instant occurredAt) implements MarketingEvent {

        public ContentPublished {
            Require.present(contentId, "contentId");
            Require.present(title, "title");
            Require.present(occurredAt, "occurredAt");
        }

        @Override
        public String key() {
            return contentId.toString();
        }
    }
}
