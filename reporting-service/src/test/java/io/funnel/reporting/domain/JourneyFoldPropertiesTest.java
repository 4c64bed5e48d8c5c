package io.funnel.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The same stage entries in any order, any number of times and in any number of parts give the same journeys and the
 * same funnel.
 */
class JourneyFoldPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant AS_OF = T0.plusSeconds(50 * 86_400L);
    private static final Map<String, String> LINKS = Map.of("visitor:v1", "lead-1", "visitor:v2", "lead-2");

    @Property(tries = 300)
    void orderAndRepeatsDoNotMatter(@ForAll("entries") List<JourneyFold.Entry> entries, @ForAll long seed) {
        List<JourneyFold.Entry> redelivered = new ArrayList<>(entries);
        Random random = new Random(seed);
        entries.stream().filter(e -> random.nextBoolean()).forEach(redelivered::add);
        Collections.shuffle(redelivered, random);

        var expected = fold(entries);
        var actual = fold(redelivered);

        assertThat(actual).isEqualTo(expected);
        assertThat(FunnelMath.figures(journeys(actual))).isEqualTo(FunnelMath.figures(journeys(expected)));
    }

    @Property(tries = 200)
    void foldingInPartsGivesTheSameJourneys(@ForAll("entries") List<JourneyFold.Entry> entries, @ForAll long seed) {
        Random random = new Random(seed);
        Map<String, Map<LifecycleStage, Instant>> inParts = new HashMap<>();
        for (int from = 0; from < entries.size(); ) {
            int to = from + 1 + random.nextInt(entries.size() - from);
            JourneyFold.foldInto(inParts, entries.subList(from, to), LINKS, AS_OF);
            from = to;
        }

        assertThat(inParts).isEqualTo(fold(entries));
    }

    @Property(tries = 200)
    void eachStageKeepsItsEarliestTime(@ForAll("entries") List<JourneyFold.Entry> entries) {
        var journeys = fold(entries);
        for (JourneyFold.Entry e : entries) {
            if (e.at().isAfter(AS_OF)) {
                continue;
            }
            Instant kept = journeys.get(LINKS.getOrDefault(e.subject(), e.subject())).get(e.stage());
            assertThat(kept).isBeforeOrEqualTo(e.at());
        }
    }

    private static Map<String, Map<LifecycleStage, Instant>> fold(List<JourneyFold.Entry> entries) {
        Map<String, Map<LifecycleStage, Instant>> journeys = new HashMap<>();
        JourneyFold.foldInto(journeys, entries, LINKS, AS_OF);
        return journeys;
    }

    private static List<LeadJourney> journeys(Map<String, Map<LifecycleStage, Instant>> folded) {
        return folded.entrySet().stream()
                .map(e -> new LeadJourney(e.getKey(), e.getValue(), LeadProfile.UNKNOWN)).toList();
    }

    @Provide
    Arbitrary<List<JourneyFold.Entry>> entries() {
        Arbitrary<String> subjects = Arbitraries.of("lead-1", "lead-2", "lead-3", "visitor:v1", "visitor:v2",
                "visitor:v3");
        Arbitrary<LifecycleStage> stages = Arbitraries.of(LifecycleStage.class);
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 60 * 86_400L).map(T0::plusSeconds);
        return Combinators.combine(subjects, stages, times).as(JourneyFold.Entry::new).list().ofMaxSize(40);
    }
}
