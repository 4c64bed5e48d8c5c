package io.funnel.capture.domain;

import io.funnel.capture.api.LeadReceipt;

/** The answer to a capture; {@code replayed} when it is the stored answer to an earlier request with the same key. */
public record CaptureResult(LeadReceipt receipt, boolean replayed) {
}
