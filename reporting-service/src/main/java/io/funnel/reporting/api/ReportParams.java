package io.funnel.reporting.api;

import io.funnel.platform.api.ProblemException;
import io.funnel.reporting.domain.GroupBy;
import io.funnel.reporting.domain.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses the query parameters every report shares; anything malformed is a 400 naming the parameter. */
final class ReportParams {

    private ReportParams() {
    }

    /** {@code from} and {@code to} as ISO dates (a date {@code to} includes that whole day) or instants. */
    static Period period(String from, String to) {
        Instant start = blank(from) ? null : instant("from", from);
        Instant toStart = blank(to) ? null : instant("to", to);
        if (start != null && toStart != null && start.isAfter(toStart)) {
            throw ProblemException.badRequest("from", "must not be after to");
        }
        Instant end = toStart == null ? null : isDate(to) ? toStart.plusSeconds(86_400) : toStart;
        return new Period(start, end);
    }

    static Instant instant(String field, String value) {
        try {
            return isDate(value)
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 date (2026-03-31) or instant "
                    + "(2026-03-31T23:59:59Z)");
        }
    }

    static Instant instantOr(String field, String value, Instant otherwise) {
        return blank(value) ? otherwise : instant(field, value);
    }

    static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a month such as 2026-03");
        }
    }

    /** Null when absent; 400 when not one of {@code allowed}. */
    static GroupBy groupBy(String value, Set<GroupBy> allowed) {
        if (blank(value)) {
            return null;
        }
        return GroupBy.parse(value).filter(allowed::contains).orElseThrow(() -> ProblemException.badRequest(
                "groupBy", "must be one of " + allowed.stream().sorted().map(GroupBy::label)
                        .collect(Collectors.joining(", "))));
    }

    static GroupBy groupBy(String value) {
        return groupBy(value, Set.copyOf(Arrays.asList(GroupBy.values())));
    }

    /**
     * Names given as a repeated parameter, each also comma-separated; empty when absent. A name not among
     * {@code known} is a 400 listing them.
     */
    static Set<String> names(String field, List<String> values, Set<String> known) {
        Set<String> names = values.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        if (!known.containsAll(names)) {
            throw ProblemException.badRequest(field, "must be among " + known.stream().sorted()
                    .collect(Collectors.joining(", ")));
        }
        return names;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isDate(String value) {
        return value.length() == 10 && value.indexOf('T') < 0;
    }
}
