package io.funnel.reporting.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A new version of the agreement, signed by both owners. {@code expectedVersion}, when given, must be the version in
 * force (optimistic concurrency: two people editing at once do not silently overwrite each other).
 */
public record AgreementRequest(
        @Min(0) Integer expectedVersion,
        @NotNull @Min(0) @Max(1000) Integer mqlThreshold,
        @Size(max = 100) String requiredPersona,
        @NotNull @Min(0) @Max(1_000_000) Integer mqlsPerMonth,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal acceptedShare,
        @NotNull @Min(1) @Max(720) Integer firstContactHours,
        @NotNull @Min(1) @Max(365) Integer decisionDays,
        @NotNull @DecimalMin("0") @DecimalMax("1000000000000") BigDecimal revenueTargetPerMonth,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotBlank @Size(max = 200) String marketingOwner,
        @NotBlank @Size(max = 200) String salesOwner,
        Instant effectiveFrom) {

    /** Both sides sign: one person cannot sign for marketing and sales. */
    @AssertTrue(message = "must be a different person from marketingOwner")
    public boolean isSalesOwner() {
        return marketingOwner == null || salesOwner == null
                || !marketingOwner.strip().equalsIgnoreCase(salesOwner.strip());
    }
}
