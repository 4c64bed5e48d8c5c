package io.funnel.qualification.domain;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** A buyer persona: a lead matches it when every criterion matches. */
public record Persona(String name, List<Criterion> criteria) {

    /** One test on the same attributes as the fit rules. */
    public record Criterion(String attribute, String pattern, ScoringModel.Range range, List<String> values,
            Boolean present) implements AttributeTest {
    }

    /** The most specific persona the lead matches (most criteria, then by name); null when none. */
    public static String bestMatch(List<Persona> personas, LeadAttributes lead) {
        return bestMatcher(personas).apply(lead);
    }

    /** {@link #bestMatch} with the criteria compiled once, for matching many leads (a simulation). */
    public static Function<LeadAttributes, String> bestMatcher(List<Persona> personas) {
        List<Compiled> compiled = personas.stream().map(Compiled::of).toList();
        return lead -> compiled.stream().filter(c -> c.matches(lead))
                .max(Comparator.<Compiled>comparingInt(c -> c.matchers().size())
                        .thenComparing(Compiled::name, Comparator.reverseOrder()))
                .map(Compiled::name).orElse(null);
    }

    private record Compiled(String name, List<AttributeMatcher> matchers) {

        static Compiled of(Persona persona) {
            return new Compiled(persona.name(), persona.criteria().stream().map(AttributeMatcher::of).toList());
        }

        boolean matches(LeadAttributes lead) {
            return matchers.stream().allMatch(m -> m.matches(lead));
        }
    }
}
