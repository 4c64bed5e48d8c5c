package io.funnel.events;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CloudEvents type names of the vocabulary, derived from the sealed hierarchy: {@code io.funnel.<RecordName>.v1}.
 * A new incompatible shape gets a new record and so a new type name.
 */
public final class EventTypes {

    private static final String PREFIX = "io.funnel.";
    private static final String VERSION_SUFFIX = ".v1";
    private static final Map<String, Class<? extends FunnelEvent>> BY_TYPE = index();

    private EventTypes() {
    }

    public static String typeOf(FunnelEvent event) {
        return typeOf(event.getClass());
    }

    public static String typeOf(Class<? extends FunnelEvent> eventClass) {
        return PREFIX + eventClass.getSimpleName() + VERSION_SUFFIX;
    }

    public static Optional<Class<? extends FunnelEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Every type name, in declaration order. */
    public static Map<String, Class<? extends FunnelEvent>> all() {
        return BY_TYPE;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends FunnelEvent>> index() {
        Map<String, Class<? extends FunnelEvent>> index = new LinkedHashMap<>();
        leaves(FunnelEvent.class).forEach(c -> index.put(typeOf((Class<? extends FunnelEvent>) c),
                (Class<? extends FunnelEvent>) c));
        return Collections.unmodifiableMap(index);
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            return Stream.of(type);
        }
        return Arrays.stream(permitted).flatMap(EventTypes::leaves);
    }
}
