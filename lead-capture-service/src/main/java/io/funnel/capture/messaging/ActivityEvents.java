package io.funnel.capture.messaging;

import io.funnel.capture.persistence.Activity;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;

/** Maps stored activity to {@code funnel.activities.v1}. */
public final class ActivityEvents {

    private ActivityEvents() {
    }

    public static VisitorActivityRecorded recorded(Activity a) {
        return new VisitorActivityRecorded(a.id, a.visitorId, a.leadId, a.type, a.url, a.contentId, a.campaign,
                a.occurredAt);
    }
}
