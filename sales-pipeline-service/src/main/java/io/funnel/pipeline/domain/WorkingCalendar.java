package io.funnel.pipeline.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A rep's working week: the same hours on each working day, in the rep's time zone. Adds working time to an instant,
 * so an MQL assigned on Friday evening is due on Monday. Working time is counted on the wall clock of the zone: a DST
 * change (which happens at night) shifts the UTC result, not the local due time. Pure, no clock of its own.
 */
public final class WorkingCalendar {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final LocalTime start;
    private final LocalTime end;
    private final Set<DayOfWeek> days;
    private final ZoneId zone;

    public WorkingCalendar(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException("Working hours must start before they end");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("At least one working day is needed");
        }
        if (zone == null) {
            throw new IllegalArgumentException("A time zone is needed");
        }
        this.start = start;
        this.end = end;
        this.days = EnumSet.copyOf(days);
        this.zone = zone;
    }

    /** Working time in one working day. */
    public Duration workingDay() {
        return Duration.between(start, end);
    }

    /** The instant when {@code amount} of working time has passed after {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Cannot add negative working time");
        }
        LocalDateTime at = nextWorkingMoment(LocalDateTime.ofInstant(from, zone));
        Duration remaining = amount;
        while (true) {
            Duration leftToday = Duration.between(at.toLocalTime(), end);
            if (remaining.compareTo(leftToday) <= 0) {
                return toInstant(at.plus(remaining));
            }
            remaining = remaining.minus(leftToday);
            at = nextWorkingMoment(LocalDateTime.of(at.toLocalDate().plusDays(1), start));
        }
    }

    public Instant plusHours(Instant from, int hours) {
        return plus(from, Duration.ofHours(hours));
    }

    /** {@code days} whole working days: the same working time as {@code days} full working days. */
    public Instant plusDays(Instant from, int days) {
        return plus(from, workingDay().multipliedBy(days));
    }

    /** True if the instant falls inside working hours. */
    public boolean isWorking(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return days.contains(local.getDayOfWeek()) && !local.toLocalTime().isBefore(start)
                && local.toLocalTime().isBefore(end);
    }

    /** The given local time if inside working hours, else the start of the next working day. */
    private LocalDateTime nextWorkingMoment(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (days.contains(date.getDayOfWeek()) && time.isBefore(end)) {
            return time.isBefore(start) ? LocalDateTime.of(date, start) : local;
        }
        LocalDate next = date.plusDays(1);
        while (!days.contains(next.getDayOfWeek())) {
            next = next.plusDays(1);
        }
        return LocalDateTime.of(next, start);
    }

    /** A local time skipped by a DST gap resolves to the later offset (ZonedDateTime's rule). */
    private Instant toInstant(LocalDateTime local) {
        return ZonedDateTime.of(local, zone).toInstant();
    }
}
