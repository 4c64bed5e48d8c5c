package io.funnel.events;

/** Guards for event constructors: a record that lacks its identity cannot be read, so decoding fails loudly. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
