package io.funnel.capture.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record CampaignRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String channel,
        @NotNull LocalDate startsOn, LocalDate endsOn) {

    @AssertTrue(message = "must not be before startsOn")
    public boolean isEndsOn() {
        return endsOn == null || startsOn == null || !endsOn.isBefore(startsOn);
    }
}
