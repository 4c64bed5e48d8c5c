package io.funnel.reporting.webhooks;

public enum DeliveryStatus {
    /** Waiting for its next attempt (or being attempted). */
    PENDING,
    /** A 2xx answered one attempt. */
    DELIVERED,
    /** Every attempt failed, or its lead was erased before it could be sent. */
    FAILED
}
