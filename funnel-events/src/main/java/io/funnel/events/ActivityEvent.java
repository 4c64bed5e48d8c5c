package io.funnel.events;

import java.time.Instant;
import java.util.UUID;

/** Events on {@link Topics#ACTIVITIES}. */
public sealed interface ActivityEvent extends FunnelEvent {

    @Override
    default String topic() {
        return Topics.ACTIVITIES;
    }

    enum ActivityType {
        PAGE_VIEW, FORM_VIEW, FORM_SUBMIT, CONTENT_DOWNLOAD, EMAIL_OPEN, EMAIL_CLICK, WEBINAR_ATTENDED, PRICING_VIEW,
        DEMO_REQUEST
    }

    /**
     * A visitor did something. {@code leadId} is null while the visitor is anonymous; once the visitor identifies,
     * capture re-publishes earlier activity with the lead id (same {@code activityId}).
     */
    record VisitorActivityRecorded(UUID activityId, String visitorId, UUID leadId, ActivityType type, String url,
            String contentId, String campaign, Instant occurredAt) implements ActivityEvent {

        public VisitorActivityRecorded {
            Require.present(activityId, "activityId");
            Require.present(type, "type");
            Require.present(occurredAt, "occurredAt");
            if (visitorId == null && leadId == null) {
                throw new IllegalArgumentException("visitorId or leadId is required");
            }
        }

        @Override
        public String key() {
            return leadId != null ? leadId.toString() : visitorId;
        }
    }
}
