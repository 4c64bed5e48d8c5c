package io.funnel.qualification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.ActivityEvent.ActivityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The scoring function does not care in which order, or how often, the same activities arrive. */
class ScoringPropertiesTest {

    private static final CompiledModel MODEL = SeededModel.compiled();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final LeadAttributes LEAD = new LeadAttributes("Head of Operations", 250, "construction", "ES",
            "obras.example", true);

    @Property(tries = 300)
    void sameActivitiesInAnyOrderAndAnyNumberOfTimesGiveTheSameScore(
            @ForAll("activities") @Size(max = 40) List<Activity> activities,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3) int extraCopies,
            @ForAll @IntRange(min = 0, max = 200) int evaluatedOnDay) {
        Instant at = START.plusSeconds(evaluatedOnDay * 86_400L);
        LeadScore inOrderOnce = LeadScoring.score(MODEL, LEAD, activities, at);

        List<Activity> redelivered = new ArrayList<>(activities);
        Random random = new Random(seed);
        for (int copy = 0; copy < extraCopies; copy++) {
            activities.stream().filter(a -> random.nextBoolean()).forEach(redelivered::add);
        }
        Collections.shuffle(redelivered, random);

        assertThat(LeadScoring.score(MODEL, LEAD, redelivered, at)).isEqualTo(inOrderOnce);
    }

    @Provide
    Arbitrary<List<Activity>> activities() {
        Arbitrary<Activity> activity = Combinators.combine(
                        Arbitraries.of(ActivityType.class),
                        Arbitraries.longs().between(0, 20L * 86_400)) // dense: daily caps apply
                .as((type, second) -> new Activity(UUID.randomUUID(), type, START.plusSeconds(second)));
        return activity.list();
    }
}
