package io.funnel.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Instants in events through {@link IsoInstant}; registered after the JavaTimeModule, whose deserializer still reads
 * whatever is not in the events' form (other offsets, epoch numbers) and words the errors.
 */
final class IsoInstantModule extends SimpleModule {

    IsoInstantModule() {
        super("iso-instants");
        addSerializer(Instant.class, new Serializer());
        addDeserializer(Instant.class, new Deserializer());
    }

    private static final class Serializer extends StdScalarSerializer<Instant> {

        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(IsoInstant.format(value));
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser json, DeserializationContext context) throws IOException {
            Instant instant = json.hasToken(JsonToken.VALUE_STRING) ? IsoInstant.parseOrNull(json.getText()) : null;
            return instant != null ? instant : InstantDeserializer.INSTANT.deserialize(json, context);
        }
    }
}
