package io.funnel.capture.api;

import io.funnel.events.ActivityEvent.ActivityType;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One visitor activity; who did it is a visitor id (cookie) or the e-mail of a known lead. */
public record ActivityRequest(
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may contain only letters, digits and . _ : -")
        String visitorId,
        @Email @Size(max = 254) String email,
        @NotNull ActivityType type,
        @Size(max = 2000) String url,
        @Size(max = 200) String contentId,
        @Size(max = 200) String campaign,
        Instant occurredAt) {

    @AssertTrue(message = "visitorId or email is required")
    public boolean isIdentified() {
        return (visitorId != null && !visitorId.isBlank()) || (email != null && !email.isBlank());
    }
}
