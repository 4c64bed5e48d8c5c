package io.funnel.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** JSON mapping of event data (the CloudEvents {@code data}); the type travels beside it, in {@code ce_type}. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new IsoInstantModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    /** A reader per event class: {@code readValue(json, Class)} would look the class's type up on every call. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> eventClass) {
            return MAPPER.readerFor(eventClass);
        }
    };

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(FunnelEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /** Any value (such as a list of score contributions) as JSON in the events' conventions. */
    public static String encodeValue(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses JSON text written by {@link #encodeValue(Object)}; null stays null. */
    public static JsonNode readTree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static FunnelEvent decode(String type, String json) {
        return decode(type, json == null || json.isBlank(), eventClass -> READERS.get(eventClass).readValue(json));
    }

    /** As {@link #decode(String, String)}, straight from a record's UTF-8 bytes (no String in between). */
    public static FunnelEvent decode(String type, byte[] json) {
        return decode(type, json == null || json.length == 0, eventClass -> READERS.get(eventClass).readValue(json));
    }

    private interface Reader {
        FunnelEvent read(Class<? extends FunnelEvent> eventClass) throws IOException;
    }

    private static FunnelEvent decode(String type, boolean empty, Reader reader) {
        if (type == null) {
            throw new UnreadableEventException("No event type (ce_type header)");
        }
        Class<? extends FunnelEvent> eventClass = EventTypes.classOf(type)
                .orElseThrow(() -> new UnreadableEventException("Unknown event type " + type));
        if (empty) {
            throw new UnreadableEventException("Empty data for " + type);
        }
        try {
            return reader.read(eventClass);
        } catch (IOException e) {
            // From memory, so never a failed read: bad JSON, or bytes that are no text in any Unicode encoding.
            throw new UnreadableEventException("Cannot read " + type + ": "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), e);
        }
    }
}
