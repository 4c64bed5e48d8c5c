package io.funnel.reporting.domain;

import java.time.Instant;

/** A reporting window, {@code from} inclusive and {@code to} exclusive; a missing bound is open. */
public record Period(Instant from, Instant to) {

    public static final Period ALL = new Period(null, null);

    public boolean contains(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }
}
