package io.funnel.pipeline.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** A rep as created or replaced through the API; working hours default to 09:00-17:00 Monday to Friday. */
public record RepRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String team,
        @NotEmpty @Size(max = 60)
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as ES") String>
        territories,
        @Size(max = 20) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^,]*", message = "must not contain commas")
        String> personas,
        @NotNull @PositiveOrZero @Max(10_000) Integer capacity,
        @Valid WorkingHours workingHours,
        @NotBlank @Size(max = 64) String timeZone,
        Boolean active) {

    public static final WorkingHours OFFICE_HOURS = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));

    /** Local working time of each working day, in the rep's {@code timeZone}. */
    public record WorkingHours(@NotNull LocalTime start, @NotNull LocalTime end, @Size(max = 7) List<DayOfWeek> days) {
    }
}
