package io.funnel.events.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.funnel.events.EventTypes;
import io.funnel.events.FunnelEvent;
import io.funnel.events.Topics;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The AsyncAPI 3.0 document of the event contract, built from the vocabulary: a channel per topic and per dead-letter
 * topic, a message per event type (CloudEvents headers, Kafka key, JSON Schema of the data), and the operation by
 * which each producing service sends a topic. The document is checked in at {@code src/main/resources/}{@value
 * #RESOURCE}, which Quarkus serves at {@code /asyncapi.json} from every service that depends on this jar; a test
 * fails when it differs from what this class builds. Regenerate it with
 * {@code ./mvnw test -pl funnel-events -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true}, or run
 * {@link #main(String[])} with the file to write.
 */
public final class AsyncApiDocument {

    public static final String RESOURCE = "META-INF/resources/asyncapi.json";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    static final String CLOUD_EVENT_HEADERS = "CloudEventHeaders";
    static final String DEAD_LETTER_HEADERS = "DeadLetterHeaders";
    static final String DEAD_LETTER = "DeadLetter";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String INFO_DESCRIPTION = """
            Lead lifecycle events the funnel services exchange, and the contract for CRM integrations that read them \
            from Kafka.

            Every event is a CloudEvents 1.0 event in Kafka **binary mode**: the `ce_*` headers carry its attributes, \
            the record value is the JSON data, and the record key (also `ce_subject`) is the lead id (the visitor id \
            for anonymous activity), so one lead's events stay in order within a topic.

            - `ce_id` is unique per event and unchanged on redelivery: use it to drop duplicates.
            - Events of different topics can arrive out of order: order by `occurredAt` (= `ce_time`), not by arrival.
            - Readers must ignore properties they do not know; an incompatible change gets a new type name \
            (`.v2`) and schema.
            - A record its consumer cannot read or handle goes, unchanged, to `<topic>.dlq`.

            Generated from the `io.funnel.events` vocabulary by `io.funnel.events.contract.AsyncApiDocument`; \
            do not edit by hand.""";

    private AsyncApiDocument() {
    }

    /** Writes the document to the file named by the first argument, or prints it. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.print(render());
            return;
        }
        Path target = Path.of(args[0]);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.writeString(target, render(), StandardCharsets.UTF_8);
    }

    /** The document as the checked-in file holds it: two-space indented JSON, LF line ends, final newline. */
    public static String render() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(build()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the AsyncAPI document", e);
        }
    }

    public static ObjectNode build() {
        Map<String, List<Class<? extends FunnelEvent>>> byTopic = eventsByTopic();
        PayloadSchemas payloads = new PayloadSchemas();
        ObjectNode channels = JSON.objectNode();
        ObjectNode operations = JSON.objectNode();
        ObjectNode messages = JSON.objectNode();

        byTopic.forEach((topic, events) -> {
            String channelId = channelId(topic);
            ObjectNode channelMessages = JSON.objectNode();
            ArrayNode sent = JSON.arrayNode();
            for (Class<? extends FunnelEvent> event : events) {
                String name = event.getSimpleName();
                messages.set(name, message(event, topic, payloads));
                channelMessages.set(name, ref("#/components/messages/" + name));
                sent.add(ref("#/channels/" + channelId + "/messages/" + name));
            }
            channels.set(channelId, channel(topic, topicDescription(topic), channelMessages));
            operations.set("send-" + channelId, sendOperation(topic, channelId, sent));

            String deadLetters = Topics.deadLetter(topic);
            ObjectNode deadLetterMessages = JSON.objectNode().set(DEAD_LETTER, ref("#/components/messages/"
                    + DEAD_LETTER));
            channels.set(channelId(deadLetters), channel(deadLetters, "Records of `" + topic
                    + "` that a consuming service could not read or handle, unchanged (key, value and headers), with "
                    + "the reason in `dead-letter-*` headers. Each consuming service writes here and goes on.",
                    deadLetterMessages));
        });
        messages.set(DEAD_LETTER, deadLetterMessage());

        ObjectNode document = JSON.objectNode().put("asyncapi", "3.0.0").put("id", "urn:io.funnel:events");
        document.putObject("info")
                .put("title", "Funnel tracker events")
                .put("version", "1.0.0")
                .put("description", INFO_DESCRIPTION);
        document.putObject("servers").putObject("local")
                .put("host", "127.0.0.1:9092")
                .put("protocol", "kafka")
                .put("description", "The broker `./funnel up` starts; elsewhere, the cluster's bootstrap servers.");
        document.put("defaultContentType", "application/json");
        document.set("channels", channels);
        document.set("operations", operations);
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set(CLOUD_EVENT_HEADERS, cloudEventHeaders());
        schemas.set(DEAD_LETTER_HEADERS, deadLetterHeaders());
        payloads.all().forEach((name, schema) -> {
            if (schemas.has(name)) {
                throw new IllegalStateException("A record may not be named " + name);
            }
            schemas.set(name, schema);
        });
        components.set("messages", messages);
        return document;
    }

    /** Topics in {@link Topics#ALL} order, each with its event types in declaration order. */
    private static Map<String, List<Class<? extends FunnelEvent>>> eventsByTopic() {
        Map<String, List<Class<? extends FunnelEvent>>> byTopic = new LinkedHashMap<>();
        Topics.ALL.forEach(topic -> byTopic.put(topic, new ArrayList<>()));
        for (Class<? extends FunnelEvent> event : EventTypes.all().values()) {
            String topic = RecordProbe.topicOf(event);
            List<Class<? extends FunnelEvent>> events = byTopic.get(topic);
            if (events == null) {
                throw new IllegalStateException(event.getSimpleName() + " travels on " + topic
                        + ", which is not in Topics.ALL");
            }
            events.add(event);
        }
        return byTopic;
    }

    private static String channelId(String topic) {
        return topic.replace('.', '-');
    }

    private static String topicDescription(String topic) {
        String description = "Published by " + TopicProducers.of(topic) + ".";
        return Topics.isCompacted(topic)
                ? description + " Compacted: the latest record per key is the one in force."
                : description;
    }

    private static ObjectNode channel(String topic, String description, ObjectNode messages) {
        ObjectNode channel = JSON.objectNode().put("address", topic).put("title", topic)
                .put("description", description);
        channel.set("messages", messages);
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka").put("topic", topic);
        kafka.putObject("topicConfiguration").putArray("cleanup.policy")
                .add(Topics.isCompacted(topic) ? "compact" : "delete");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return channel;
    }

    private static ObjectNode sendOperation(String topic, String channelId, ArrayNode messages) {
        String producer = TopicProducers.of(topic);
        ObjectNode operation = JSON.objectNode().put("action", "send")
                .put("title", producer + " publishes " + topic)
                .put("summary", "Through its transactional outbox: an event is published once its state change "
                        + "committed, and may be delivered more than once.");
        operation.set("channel", ref("#/channels/" + channelId));
        operation.putArray("tags").addObject().put("name", producer);
        operation.set("messages", messages);
        return operation;
    }

    private static ObjectNode message(Class<? extends FunnelEvent> event, String topic, PayloadSchemas payloads) {
        String type = EventTypes.typeOf(event);
        ObjectNode key = keySchema(event);
        ObjectNode message = JSON.objectNode()
                .put("name", event.getSimpleName())
                .put("title", words(event.getSimpleName()))
                .put("summary", "`ce_type` " + type + " on " + topic + ".")
                .put("contentType", "application/json");

        ObjectNode specific = JSON.objectNode().put("type", "object");
        ObjectNode properties = specific.putObject("properties");
        properties.putObject("ce_type").put("type", "string").put("const", type);
        properties.putObject("ce_source").put("type", "string").put("const", TopicProducers.sourceOf(topic));
        properties.set("ce_subject", key.deepCopy());
        message.putObject("headers").putArray("allOf").add(ref(PayloadSchemas.REF_PREFIX + CLOUD_EVENT_HEADERS))
                .add(specific);

        message.set("payload", payloads.reference(event));
        message.putObject("bindings").putObject("kafka").<ObjectNode>set("key", key)
                .put("bindingVersion", KAFKA_BINDING_VERSION);
        return message;
    }

    /** The record key as the event's {@code key()} computes it. */
    private static ObjectNode keySchema(Class<? extends FunnelEvent> event) {
        ObjectNode key = JSON.objectNode().put("type", "string");
        Optional<String> fixed = RecordProbe.fixedKey(event);
        if (fixed.isPresent()) {
            return key.put("const", fixed.get()).put("description", "One key for all, so compaction keeps the "
                    + "latest.");
        }
        List<RecordComponent> sources = RecordProbe.keyComponents(event);
        if (sources.stream().allMatch(c -> UUID.class.equals(c.getType()))) {
            key.put("format", "uuid");
        }
        StringBuilder description = new StringBuilder("The data's `" + sources.get(0).getName() + "`");
        for (int i = 1; i < sources.size(); i++) {
            description.append(", or its `").append(sources.get(i).getName()).append("` when `")
                    .append(sources.get(i - 1).getName()).append("` is absent");
        }
        return key.put("description", description.append('.').toString());
    }

    private static ObjectNode cloudEventHeaders() {
        ObjectNode schema = JSON.objectNode().put("type", "object")
                .put("title", "CloudEvents 1.0 attributes in Kafka binary mode")
                .put("description", "Header values are UTF-8 text.");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        header(properties, required, "ce_specversion", "The CloudEvents version.").put("const", "1.0");
        header(properties, required, "ce_id", "Unique per event and unchanged on redelivery: the idempotency key.")
                .put("format", "uuid");
        header(properties, required, "ce_type", "`io.funnel.<EventName>.v<n>`: selects the data schema.");
        header(properties, required, "ce_source", "`/<service>`: the producing service.");
        header(properties, required, "ce_subject", "The record key.");
        header(properties, required, "ce_time", "When it happened: the data's `occurredAt`.")
                .put("format", "date-time");
        header(properties, required, "ce_datacontenttype", "The data's media type.").put("const", "application/json");
        return schema;
    }

    private static ObjectNode deadLetterHeaders() {
        ObjectNode schema = JSON.objectNode().put("type", "object")
                .put("title", "Dead-letter headers")
                .put("description", "Added by the consuming service (SmallRye Kafka's dead-letter-queue failure "
                        + "strategy) to the original record's headers, which are kept (the `ce_*` ones when it had "
                        + "them).");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        header(properties, required, "dead-letter-reason", "Why the record was given up.");
        header(properties, required, "dead-letter-exception-class-name", "The failure's exception class.");
        header(properties, required, "dead-letter-topic", "The topic the record was read from.");
        header(properties, required, "dead-letter-partition", "Its partition there.");
        header(properties, required, "dead-letter-offset", "Its offset there.");
        header(properties, null, "dead-letter-cause", "The underlying cause's message, when there is one.");
        header(properties, null, "dead-letter-cause-class-name", "The underlying cause's class, when there is one.");
        return schema;
    }

    private static ObjectNode header(ObjectNode properties, ArrayNode required, String name, String description) {
        if (required != null) {
            required.add(name);
        }
        return properties.putObject(name).put("type", "string").put("description", description);
    }

    private static ObjectNode deadLetterMessage() {
        ObjectNode message = JSON.objectNode()
                .put("name", DEAD_LETTER)
                .put("title", "Dead letter")
                .put("summary", "A record given up by its consumer, as it was read, with the reason.");
        message.set("headers", ref(PayloadSchemas.REF_PREFIX + DEAD_LETTER_HEADERS));
        message.putObject("payload").put("description", "The original record value, unchanged; it may not be "
                + "JSON.");
        return message;
    }

    private static ObjectNode ref(String target) {
        return JSON.objectNode().put("$ref", target);
    }

    /** {@code LeadCaptured} → {@code Lead captured}. */
    private static String words(String simpleName) {
        String spaced = simpleName.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
