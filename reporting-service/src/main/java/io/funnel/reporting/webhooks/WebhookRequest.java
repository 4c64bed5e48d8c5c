package io.funnel.reporting.webhooks;

import io.funnel.events.AgreementEvent;
import io.funnel.events.EventTypes;
import io.funnel.platform.api.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A webhook as {@code POST} creates it and {@code PUT} replaces it. No event types means every type; {@code active}
 * defaults to true. Without a secret one is generated on creation; on {@code PUT} a secret replaces the current one.
 */
public record WebhookRequest(
        @NotBlank @Size(max = WebhookTargets.MAX_URL_LENGTH) String url,
        List<String> eventTypes,
        @Size(max = 500) String description,
        Boolean active,
        @Size(min = WebhookSignature.MIN_SECRET_LENGTH, max = 256,
                message = "must be between 24 and 256 characters") String secret) {

    /**
     * What a webhook can subscribe to: the events this service consumes, which is the whole vocabulary except the
     * agreement (this service publishes it; read it at {@code GET /api/agreement}).
     */
    static final Set<String> SUBSCRIBABLE = EventTypes.all().entrySet().stream()
            .filter(type -> !AgreementEvent.class.isAssignableFrom(type.getValue()))
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));

    /** The requested types, sorted and without repeats; 422 naming the first one that is not subscribable. */
    List<String> subscribedTypes() {
        if (eventTypes == null) {
            return List.of();
        }
        for (int i = 0; i < eventTypes.size(); i++) {
            if (!SUBSCRIBABLE.contains(eventTypes.get(i))) {
                throw ProblemException.unprocessable("eventTypes[" + i + "]", "unknown event type '"
                        + eventTypes.get(i) + "'; one of " + SUBSCRIBABLE);
            }
        }
        return List.copyOf(new TreeSet<>(eventTypes));
    }

    boolean isActive() {
        return active == null || active;
    }
}
