package io.funnel.qualification.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A compiled {@link AttributeTest}; assumes the test was validated. */
public final class AttributeMatcher {

    private final String attribute;
    private final Pattern pattern;
    private final ScoringModel.Range range;
    private final Set<String> values;
    private final boolean present;

    private AttributeMatcher(AttributeTest test) {
        this.attribute = test.attribute();
        this.pattern = test.pattern() == null ? null
                : Pattern.compile(test.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.range = test.range();
        this.values = test.values() == null ? null
                : test.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.present = Boolean.TRUE.equals(test.present());
    }

    public static AttributeMatcher of(AttributeTest test) {
        return new AttributeMatcher(test);
    }

    public String attribute() {
        return attribute;
    }

    public boolean matches(LeadAttributes lead) {
        if (range != null) {
            Integer size = lead.companySize();
            return size != null && (range.min() == null || size >= range.min())
                    && (range.max() == null || size <= range.max());
        }
        String value = lead.valueOf(attribute);
        if (value == null) {
            return false;
        }
        if (pattern != null) {
            return pattern.matcher(value).find();
        }
        if (values != null) {
            return values.contains(value.toLowerCase(Locale.ROOT));
        }
        return present;
    }
}
