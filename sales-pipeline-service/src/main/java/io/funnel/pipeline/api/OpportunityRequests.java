package io.funnel.pipeline.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the opportunity and objection calls. */
public final class OpportunityRequests {

    private OpportunityRequests() {
    }

    /** {@code currency} is an ISO 4217 code such as EUR; {@code stage} the sales step (discovery, proposal…). */
    public record Open(@NotNull UUID leadId, @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
            @NotBlank String currency, @NotNull LocalDate expectedCloseDate, @NotBlank @Size(max = 100) String stage) {
    }

    public record StageChange(@NotBlank @Size(max = 100) String stage) {
    }

    /** {@code amount} defaults to the opportunity's amount. */
    public record Win(@Positive @Digits(integer = 17, fraction = 2) BigDecimal amount) {
    }

    public record Loss(@NotBlank @Size(max = 200) String reason, @Size(max = 2000) String objection) {
    }

    public record ObjectionEntry(@NotNull UUID leadId, UUID opportunityId, @NotBlank @Size(max = 100) String category,
            @Size(max = 4000) String text) {
    }
}
