package io.funnel.capture.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A web form as marketing registers it. */
public record FormDefinition(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case letters, digits and -")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 20)
        List<@Pattern(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", message = "must be an origin such as "
                + "https://www.acme.example") String> allowedOrigins,
        @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @Pattern(regexp = LeadFields.NAMES,
                message = "must be a lead field: " + LeadFields.NAMES) String> fieldMapping,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String thankYouUrl,
        @Size(max = 64) String honeypotField,
        @Size(max = 2000) String consentText,
        @Size(max = 50) String consentVersion) {
}
