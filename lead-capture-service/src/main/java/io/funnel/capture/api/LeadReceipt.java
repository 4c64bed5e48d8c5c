package io.funnel.capture.api;

import java.util.UUID;

/** What a poster learns: the lead's id and whether it was new ({@code CAPTURED}) or an existing one ({@code MERGED}). */
public record LeadReceipt(UUID leadId, Status status) {

    public enum Status {
        CAPTURED, MERGED
    }
}
