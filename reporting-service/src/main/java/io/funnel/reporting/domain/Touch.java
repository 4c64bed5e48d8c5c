package io.funnel.reporting.domain;

import java.time.Instant;
import java.util.UUID;

/** A marketing touch of a lead; {@code capture} marks the form submission that made it a lead. */
public record Touch(UUID leadId, String campaign, String content, Instant at, boolean capture) {
}
