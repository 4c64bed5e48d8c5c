package io.funnel.reporting.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.funnel.events.EventCodec;
import io.funnel.platform.messaging.EventEnvelope;
import java.time.Instant;

/** Structured-mode CloudEvents 1.0 JSON ({@code application/cloudevents+json}): the attributes and the data together. */
final class CloudEventJson {

    /** The type of the test event {@code POST /api/webhooks/{id}/ping} sends; not part of the funnel vocabulary. */
    static final String PING_TYPE = "io.funnel.webhook.ping";

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private CloudEventJson() {
    }

    /** A consumed funnel event, with the attributes it travelled with and its data in the events' conventions. */
    static String of(EventEnvelope envelope) {
        return write(envelope.id(), envelope.source(), envelope.type(), envelope.event().key(), envelope.time(),
                MAPPER.valueToTree(envelope.event()));
    }

    static String ping(String id, String source, Webhook webhook, Instant at) {
        ObjectNode data = MAPPER.createObjectNode().put("webhookId", webhook.id.toString());
        data.set("eventTypes", MAPPER.valueToTree(webhook.eventTypes));
        return write(id, source, PING_TYPE, null, at, data);
    }

    private static String write(String id, String source, String type, String subject, Instant time, JsonNode data) {
        ObjectNode event = MAPPER.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", source)
                .put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", time.toString()).put("datacontenttype", "application/json").set("data", data);
        return event.toString();
    }
}
