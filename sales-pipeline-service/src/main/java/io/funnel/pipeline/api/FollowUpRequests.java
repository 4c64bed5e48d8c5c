package io.funnel.pipeline.api;

import io.funnel.events.PipelineEvent.ContactChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Bodies of the follow-up calls on a lead. */
public final class FollowUpRequests {

    private FollowUpRequests() {
    }

    public record Assignment(@NotNull UUID repId) {
    }

    public record Contact(@NotNull ContactChannel channel, @Size(max = 200) String outcome,
            @Size(max = 4000) String note) {
    }

    /** {@code reason} is text so that a missing or unknown reason is answered 422 naming the allowed ones. */
    public record Rejection(String reason, @Size(max = 4000) String note) {
    }
}
