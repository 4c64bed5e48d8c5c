package io.funnel.qualification.domain;

import java.util.Comparator;
import java.util.List;

/** A buyer persona: a lead matches it when every criterion matches. */
public record Persona(String name, List<Criterion> criteria) {

    /** One test on the same attributes as the fit rules. */
    public record Criterion(String attribute, String pattern, ScoringModel.Range range, List<String> values,
            Boolean present) implements AttributeTest {
    }

    public boolean matches(LeadAttributes lead) {
        return criteria.stream().allMatch(c -> AttributeMatcher.of(c).matches(lead));
    }

    /** The most specific persona the lead matches (most criteria, then by name); null when none. */
    public static String bestMatch(List<Persona> personas, LeadAttributes lead) {
        return personas.stream().filter(p -> p.matches(lead))
                .max(Comparator.<Persona>comparingInt(p -> p.criteria().size())
                        .thenComparing(Persona::name, Comparator.reverseOrder()))
                .map(Persona::name).orElse(null);
    }
}
