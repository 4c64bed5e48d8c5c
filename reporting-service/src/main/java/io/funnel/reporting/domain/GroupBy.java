package io.funnel.reporting.domain;

import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The dimensions reports can be split by; a lead without the attribute falls in {@link #NONE}. */
public enum GroupBy {
    SOURCE(j -> j.profile().source()),
    CAMPAIGN(j -> j.profile().campaign()),
    CONTENT(j -> j.profile().content()),
    PERSONA(j -> j.profile().persona()),
    REP(j -> j.profile().repId()),
    /** The cohort month: when the lead first appeared. */
    MONTH(j -> YearMonth.from(j.firstSeen().atOffset(ZoneOffset.UTC)).toString());

    public static final String NONE = "(none)";

    private final Function<LeadJourney, String> key;

    GroupBy(Function<LeadJourney, String> key) {
        this.key = key;
    }

    public String keyOf(LeadJourney journey) {
        return orNone(key.apply(journey));
    }

    /** The key of a lead known only by its profile; {@link #MONTH} needs a journey and is not allowed here. */
    public String keyOf(LeadProfile profile) {
        if (this == MONTH) {
            throw new IllegalArgumentException("month needs the lead's journey");
        }
        return orNone(key.apply(new LeadJourney("", java.util.Map.of(), profile)));
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    public static Optional<GroupBy> parse(String value) {
        return Arrays.stream(values()).filter(g -> g.name().equals(value.toUpperCase(Locale.ROOT))).findFirst();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
