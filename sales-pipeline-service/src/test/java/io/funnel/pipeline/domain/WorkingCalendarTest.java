package io.funnel.pipeline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final WorkingCalendar MADRID_OFFICE = office(MADRID);

    private static WorkingCalendar office(ZoneId zone) {
        return new WorkingCalendar(LocalTime.of(9, 0), LocalTime.of(17, 0), WorkingCalendar.MONDAY_TO_FRIDAY, zone);
    }

    @Test
    void withinTheSameWorkingDay() {
        // Tuesday 10:00 in Madrid (CET, UTC+1) + 4 h = 14:00 local.
        assertThat(MADRID_OFFICE.plusHours(Instant.parse("2026-02-10T09:00:00Z"), 4))
                .isEqualTo(Instant.parse("2026-02-10T13:00:00Z"));
    }

    @Test
    void fridayEveningMqlIsDueOnMonday() {
        // Friday 6 March 2026, 19:30 in Madrid: after hours, so the 4 hours start Monday 09:00 → Monday 13:00.
        assertThat(MADRID_OFFICE.plusHours(Instant.parse("2026-03-06T18:30:00Z"), 4))
                .isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    }

    @Test
    void hoursLeftOnFridayAfternoonCarryOverTheWeekend() {
        // Friday 15:00 local: 2 h on Friday, 2 h on Monday → Monday 11:00 local.
        assertThat(MADRID_OFFICE.plusHours(Instant.parse("2026-03-06T14:00:00Z"), 4))
                .isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
    }

    @Test
    void saturdayAndEarlyMorningStartAtTheNextOpening() {
        assertThat(MADRID_OFFICE.plusHours(Instant.parse("2026-03-07T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
        // Wednesday 07:00 local: the clock starts at 09:00.
        assertThat(MADRID_OFFICE.plusHours(Instant.parse("2026-03-04T06:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
    }

    @Test
    void endingExactlyAtClosingTimeStaysOnThatDay() {
        assertThat(MADRID_OFFICE.plusHours(Instant.parse("2026-03-04T08:00:00Z"), 8))
                .isEqualTo(Instant.parse("2026-03-04T16:00:00Z"));
    }

    @Test
    void theRepsTimeZoneDecides() {
        // 16:00 UTC on a Friday is 17:00 in Madrid (closed) but 11:00 in New York (open).
        Instant fridayAfternoonUtc = Instant.parse("2026-02-13T16:00:00Z");
        assertThat(MADRID_OFFICE.plusHours(fridayAfternoonUtc, 2)).isEqualTo(Instant.parse("2026-02-16T10:00:00Z"));
        assertThat(office(NEW_YORK).plusHours(fridayAfternoonUtc, 2)).isEqualTo(Instant.parse("2026-02-13T18:00:00Z"));
    }

    @Test
    void daylightSavingChangeOverTheWeekendKeepsLocalOfficeHours() {
        // Spain moves to CEST (UTC+2) on Sunday 29 March 2026. Friday 16:00 CET + 4 h → Monday 12:00 CEST.
        assertThat(MADRID_OFFICE.plusHours(Instant.parse("2026-03-27T15:00:00Z"), 4))
                .isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
        // The US changed three weeks earlier (8 March 2026): Friday 16:00 EST + 2 h → Monday 10:00 EDT.
        assertThat(office(NEW_YORK).plusHours(Instant.parse("2026-03-06T21:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
    }

    @Test
    void workingDaysAreWholeWorkingDaysOfTime() {
        // Tuesday 10:00 + 2 working days → Thursday 10:00; Friday evening + 1 day → Monday 17:00.
        assertThat(MADRID_OFFICE.plusDays(Instant.parse("2026-03-03T09:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
        assertThat(MADRID_OFFICE.plusDays(Instant.parse("2026-03-06T18:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
    }

    @Test
    void customWeeksAreHonoured() {
        // A rep working Sunday to Thursday, 08:00-16:00 in Dubai (UTC+4): Thursday 15:00 + 2 h → Sunday 09:00.
        WorkingCalendar dubai = new WorkingCalendar(LocalTime.of(8, 0), LocalTime.of(16, 0),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY), ZoneId.of("Asia/Dubai"));
        assertThat(dubai.plusHours(Instant.parse("2026-03-05T11:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
    }

    @Test
    void zeroWorkingTimeFromOutsideHoursIsTheNextOpening() {
        assertThat(MADRID_OFFICE.plus(Instant.parse("2026-03-07T10:00:00Z"), Duration.ZERO))
                .isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        assertThat(MADRID_OFFICE.isWorking(Instant.parse("2026-03-09T08:00:00Z"))).isTrue();
        assertThat(MADRID_OFFICE.isWorking(Instant.parse("2026-03-07T10:00:00Z"))).isFalse();
    }

    @Test
    void nonsensicalCalendarsAreRefused() {
        assertThatThrownBy(() -> new WorkingCalendar(LocalTime.of(17, 0), LocalTime.of(9, 0),
                WorkingCalendar.MONDAY_TO_FRIDAY, MADRID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingCalendar(LocalTime.of(9, 0), LocalTime.of(17, 0),
                EnumSet.noneOf(DayOfWeek.class), MADRID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MADRID_OFFICE.plus(Instant.EPOCH, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
