package io.funnel.pipeline.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * An ordered routing rule. Every criterion left empty matches any lead; {@code repIds} empty means "the active reps
 * covering the lead's country". The lead goes to {@code queue} (default {@code default}).
 */
public record AssignmentRuleRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer position,
        @Size(max = 60) List<@NotNull @Pattern(regexp = "[A-Z]{2}",
                message = "must be an ISO 3166-1 alpha-2 code such as ES") String> countries,
        @Size(max = 20) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^,]*", message = "must not contain commas")
        String> personas,
        @Size(max = 20) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^,]*", message = "must not contain commas")
        String> sources,
        @PositiveOrZero Integer minScore,
        @PositiveOrZero Integer maxScore,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only letters, digits and . _ -")
        String queue,
        @Size(max = 50) List<@NotNull UUID> repIds) {
}
