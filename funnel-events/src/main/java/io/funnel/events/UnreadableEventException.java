package io.funnel.events;

/** A record that cannot be turned into a {@link FunnelEvent}: it belongs in the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
