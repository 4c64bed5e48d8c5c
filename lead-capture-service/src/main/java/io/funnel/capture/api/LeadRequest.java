package io.funnel.capture.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** A lead as web forms and integrations post it. Only {@code email} is required. */
public record LeadRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 40) @Pattern(regexp = "[0-9+()\\-. ]*", message = "may contain only digits, spaces and + ( ) - .")
        String phone,
        @Size(max = 200) String company,
        @Size(max = 150) String jobTitle,
        @PositiveOrZero @Max(10_000_000) Integer companySize,
        @Size(max = 100) String industry,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as ES") String country,
        @Size(max = 100) String source,
        @Size(max = 200) String campaign,
        @Valid Utm utm,
        @Valid Consent consent,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may contain only letters, digits and . _ : -")
        String visitorId,
        @Size(max = 50, message = "at most 50 custom fields")
        Map<@NotBlank @Size(max = 64) String, @Size(max = 1000) String> fields) {

    /** Forms often send the address with stray spaces; they are not part of it. */
    public LeadRequest {
        email = email == null ? null : email.strip();
    }

    public record Utm(@Size(max = 200) String source, @Size(max = 200) String medium, @Size(max = 200) String campaign,
            @Size(max = 200) String term, @Size(max = 200) String content) {
    }

    public record Consent(@NotNull Boolean marketing, @Size(max = 2000) String text, @Size(max = 50) String version) {
    }
}
