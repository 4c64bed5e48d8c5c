package io.funnel.events.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON Schemas of records and enums as {@link io.funnel.events.EventCodec} writes them: every record and enum becomes
 * a named schema (referenced as {@code #/components/schemas/<SimpleName>}), collected in the order first met.
 * Components that may be null are optional and accept null (the codec omits them); unknown properties are allowed
 * because readers ignore them.
 */
final class PayloadSchemas {

    static final String REF_PREFIX = "#/components/schemas/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> named = new LinkedHashMap<>();
    private final Map<String, Class<?>> namedClasses = new LinkedHashMap<>();

    /** Adds the record (and everything it refers to) and returns a reference to it. */
    ObjectNode reference(Class<?> type) {
        String name = type.getSimpleName();
        Class<?> known = namedClasses.putIfAbsent(name, type);
        if (known != null && !known.equals(type)) {
            throw new IllegalStateException("Two types named " + name + ": " + known.getName() + " and "
                    + type.getName() + "; schema names must be unique");
        }
        if (known == null) {
            // keeps the first-met order while the record's own components are added
            named.put(name, JSON.objectNode());
            named.put(name, type.isEnum() ? enumSchema(type) : recordSchema(type));
        }
        return JSON.objectNode().put("$ref", REF_PREFIX + name);
    }

    /** Every named schema met so far, by name. */
    Map<String, ObjectNode> all() {
        return Collections.unmodifiableMap(named);
    }

    private ObjectNode recordSchema(Class<?> record) {
        ObjectNode schema = JSON.objectNode().put("type", "object").put("title", record.getSimpleName());
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            boolean present = RecordProbe.alwaysPresent(record, component);
            ObjectNode property = schemaOf(component.getGenericType(), record.getName() + "." + component.getName());
            properties.set(component.getName(), present ? property : orNull(property));
            if (present) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode enumSchema(Class<?> enumType) {
        ObjectNode schema = JSON.objectNode().put("type", "string").put("title", enumType.getSimpleName());
        ArrayNode values = schema.putArray("enum");
        for (Object constant : enumType.getEnumConstants()) {
            values.add(((Enum<?>) constant).name());
        }
        return schema;
    }

    private ObjectNode schemaOf(Type type, String where) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.equals(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", schemaOf(arguments[0], where + "[]"));
                return array;
            }
            if (Map.class.equals(raw) && String.class.equals(arguments[0])) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1], where + "{}"));
                return map;
            }
            throw unsupported(type, where);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord() || raw.isEnum()) {
            return reference(raw);
        }
        if (String.class.equals(raw)) {
            return JSON.objectNode().put("type", "string");
        }
        if (UUID.class.equals(raw)) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (Instant.class.equals(raw)) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (LocalDate.class.equals(raw)) {
            return JSON.objectNode().put("type", "string").put("format", "date");
        }
        if (int.class.equals(raw) || Integer.class.equals(raw)) {
            return JSON.objectNode().put("type", "integer").put("format", "int32");
        }
        if (long.class.equals(raw) || Long.class.equals(raw)) {
            return JSON.objectNode().put("type", "integer").put("format", "int64");
        }
        if (BigDecimal.class.equals(raw)) {
            return JSON.objectNode().put("type", "number")
                    .put("description", "A decimal: read it without binary floating-point rounding.");
        }
        if (double.class.equals(raw) || Double.class.equals(raw)) {
            return JSON.objectNode().put("type", "number");
        }
        if (boolean.class.equals(raw) || Boolean.class.equals(raw)) {
            return JSON.objectNode().put("type", "boolean");
        }
        throw unsupported(type, where);
    }

    /** A simple schema gains "null" in its type; a reference is wrapped in anyOf. */
    private static ObjectNode orNull(ObjectNode schema) {
        if (schema.has("type")) {
            ObjectNode copy = schema.deepCopy();
            copy.putArray("type").add(schema.get("type").asText()).add("null");
            return copy;
        }
        ObjectNode nullable = JSON.objectNode();
        nullable.putArray("anyOf").add(schema).add(JSON.objectNode().put("type", "null"));
        return nullable;
    }

    private static IllegalStateException unsupported(Type type, String where) {
        return new IllegalStateException("No JSON Schema for " + type.getTypeName() + " in " + where
                + "; teach PayloadSchemas (and RecordProbe) how EventCodec writes it");
    }
}
