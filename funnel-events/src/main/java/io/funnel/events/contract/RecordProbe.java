package io.funnel.events.contract;

import io.funnel.events.FunnelEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Learns what the records' constructors enforce by calling them: which components are always present on the wire,
 * where an event's key comes from, and its topic. So the contract follows the guards in the code, not a copy of them.
 * Every sample value is distinct per component name, so a key can be traced back to the component it was taken from.
 */
final class RecordProbe {

    private RecordProbe() {
    }

    /** A primitive, a component the constructor refuses to leave null, or one it replaces null with a value. */
    static boolean alwaysPresent(Class<?> record, RecordComponent component) {
        if (component.getType().isPrimitive()) {
            return true;
        }
        Map<String, Object> withNull = new HashMap<>();
        withNull.put(component.getName(), null);
        return construct(record, withNull).map(instance -> read(component, instance) != null).orElse(true);
    }

    /** A fully populated instance of any record of the vocabulary. */
    static Object sample(Class<?> record) {
        return construct(record, Map.of()).orElseThrow(() -> new IllegalStateException(
                "Cannot build a sample of " + record.getName() + " to describe it; extend RecordProbe.sampleOf"));
    }

    static String topicOf(Class<? extends FunnelEvent> eventClass) {
        return ((FunnelEvent) sample(eventClass)).topic();
    }

    /**
     * The components the record key is taken from, first choice first: removing the one in use (when the
     * constructor allows) shows the fallback. Empty when the key is not a component, see {@link #fixedKey(Class)}.
     */
    static List<RecordComponent> keyComponents(Class<? extends FunnelEvent> eventClass) {
        List<RecordComponent> sources = new ArrayList<>();
        Map<String, Object> removed = new HashMap<>();
        while (true) {
            Optional<Object> instance = construct(eventClass, removed);
            if (instance.isEmpty()) {
                return sources;
            }
            String key = ((FunnelEvent) instance.get()).key();
            Optional<RecordComponent> source = findComponent(eventClass, instance.get(), key);
            if (source.isEmpty() || removed.containsKey(source.get().getName())) {
                return sources;
            }
            sources.add(source.get());
            removed.put(source.get().getName(), null);
        }
    }

    /** The key when it does not depend on the event (a compacted topic's single key), else empty. */
    static Optional<String> fixedKey(Class<? extends FunnelEvent> eventClass) {
        if (!keyComponents(eventClass).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(((FunnelEvent) sample(eventClass)).key());
    }

    private static Optional<RecordComponent> findComponent(Class<?> record, Object instance, String value) {
        for (RecordComponent component : record.getRecordComponents()) {
            Object componentValue = read(component, instance);
            if (componentValue != null && componentValue.toString().equals(value)) {
                return Optional.of(component);
            }
        }
        return Optional.empty();
    }

    /** The record built from samples, with {@code overrides} in place of some; empty if the constructor refuses. */
    private static Optional<Object> construct(Class<?> record, Map<String, Object> overrides) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = components[i].getName();
            args[i] = overrides.containsKey(name) ? overrides.get(name)
                    : sampleOf(components[i].getGenericType(), record.getSimpleName() + "." + name);
        }
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return Optional.of(canonical.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty();
            }
            throw new IllegalStateException("Constructor of " + record.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call the canonical constructor of " + record.getName(), e);
        }
    }

    private static Object sampleOf(Type type, String name) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.equals(raw)) {
                return List.of();
            }
            if (Map.class.equals(raw)) {
                return Map.of();
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return sample(raw);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (String.class.equals(raw)) {
            return name;
        }
        if (UUID.class.equals(raw)) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        if (Instant.class.equals(raw)) {
            return Instant.EPOCH;
        }
        if (LocalDate.class.equals(raw)) {
            return LocalDate.EPOCH;
        }
        if (BigDecimal.class.equals(raw)) {
            return BigDecimal.ONE;
        }
        if (int.class.equals(raw) || Integer.class.equals(raw)) {
            return 1;
        }
        if (long.class.equals(raw) || Long.class.equals(raw)) {
            return 1L;
        }
        if (double.class.equals(raw) || Double.class.equals(raw)) {
            return 1.0;
        }
        if (boolean.class.equals(raw) || Boolean.class.equals(raw)) {
            return true;
        }
        throw new IllegalStateException("No sample for " + type.getTypeName() + " (" + name
                + "); teach RecordProbe and PayloadSchemas this type");
    }

    private static Object read(RecordComponent component, Object instance) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
