package io.funnel.reporting.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as the API shows it: the secret only in the answer that created it. */
public record WebhookView(UUID id, String url, List<String> eventTypes, String description, boolean active,
        Instant createdAt, Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookView of(Webhook webhook) {
        return new WebhookView(webhook.id, webhook.url, webhook.eventTypes, webhook.description, webhook.active,
                webhook.createdAt, webhook.updatedAt, null);
    }

    static WebhookView withSecret(Webhook webhook) {
        return new WebhookView(webhook.id, webhook.url, webhook.eventTypes, webhook.description, webhook.active,
                webhook.createdAt, webhook.updatedAt, webhook.secret);
    }
}
