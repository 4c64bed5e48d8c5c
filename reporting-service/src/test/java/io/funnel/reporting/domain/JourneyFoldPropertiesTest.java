package io.funnel.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A journey's stage entries in any order and any number of times give the same journey; journeys tallied in any order
 * or in parts give the same funnel.
 */
class JourneyFoldPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Entry(LifecycleStage stage, Instant at) {
    }

    @Property(tries = 300)
    void orderAndRepeatsDoNotMatter(@ForAll("journeys") List<List<Entry>> journeys, @ForAll long seed) {
        Random random = new Random(seed);
        List<List<Entry>> redelivered = journeys.stream().map(entries -> {
            List<Entry> again = new ArrayList<>(entries);
            entries.stream().filter(e -> random.nextBoolean()).forEach(again::add);
            Collections.shuffle(again, random);
            return again;
        }).toList();

        assertThat(leads(redelivered)).isEqualTo(leads(journeys));
    }

    @Property(tries = 200)
    void eachStageKeepsItsEarliestTime(@ForAll("journey") List<Entry> entries) {
        var journey = fold(entries);
        for (Entry e : entries) {
            assertThat(journey.get(e.stage())).isBeforeOrEqualTo(e.at());
        }
        assertThat(journey.keySet()).containsExactlyInAnyOrderElementsOf(entries.stream().map(Entry::stage).distinct().toList());
    }

    @Property(tries = 200)
    void theFunnelDoesNotDependOnTheOrderNorOnTallyingInParts(@ForAll("journeys") List<List<Entry>> journeys,
            @ForAll long seed) {
        List<LeadJourney> leads = leads(journeys);
        List<LeadJourney> shuffled = new ArrayList<>(leads);
        Collections.shuffle(shuffled, new Random(seed));

        var atOnce = FunnelMath.figures(leads);

        assertThat(FunnelMath.figures(shuffled)).isEqualTo(atOnce);
        assertThat(shuffled.parallelStream().collect(FunnelMath.figures())).isEqualTo(atOnce);
    }

    private static java.util.Map<LifecycleStage, Instant> fold(List<Entry> entries) {
        return JourneyFold.fold(entries.stream().map(e -> e.stage().name()).toArray(String[]::new),
                entries.stream().mapToLong(e -> e.at().toEpochMilli()).toArray());
    }

    private static List<LeadJourney> leads(List<List<Entry>> journeys) {
        return IntStream.range(0, journeys.size())
                .mapToObj(i -> new LeadJourney("lead-" + i, fold(journeys.get(i)), LeadProfile.UNKNOWN)).toList();
    }

    @Provide
    Arbitrary<List<Entry>> journey() {
        Arbitrary<LifecycleStage> stages = Arbitraries.of(LifecycleStage.class);
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 60 * 86_400L).map(T0::plusSeconds);
        return Combinators.combine(stages, times).as(Entry::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<List<Entry>>> journeys() {
        return journey().list().ofMaxSize(30);
    }
}
