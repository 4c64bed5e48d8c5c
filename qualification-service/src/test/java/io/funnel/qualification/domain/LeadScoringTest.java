package io.funnel.qualification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.qualification.domain.ScoringModel.BehaviourRule;
import io.funnel.qualification.domain.ScoringModel.FitRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour points, computed by hand: cap per type and UTC day, halving every half-life. */
class LeadScoringTest {

    private static final Instant DAY1 = Instant.parse("2026-03-02T09:00:00Z");
    private static final LeadAttributes NOBODY = new LeadAttributes(null, null, null, null, null, false);
    private static final CompiledModel MODEL = CompiledModel.of(7, new ScoringModel(
            List.of(new FitRule("spam", "emailDomain", null, null, List.of("rival.example"), null, -100,
                    "Competitor domain {value}", true)),
            List.of(new BehaviourRule("views", "PAGE_VIEW", 2, 5, 10d, "Visited pages"),
                    new BehaviourRule("demo", "DEMO_REQUEST", 20, null, null, "Asked for a demo"))));

    @Test
    void capsEachDayAndDecaysByHalfLife() {
        List<Activity> activities = List.of(
                view(DAY1), view(DAY1.plusSeconds(60)), view(DAY1.plusSeconds(120)), // 2+2+1 (cap 5)
                view(DAY1.plus(Duration.ofDays(1))), // next day: 2
                demo(DAY1));

        // 10 days later: day-1 views (5 points) are one half-life old -> 2.5; day-2 view 9 days old -> 2*0.5^0.9
        LeadScore score = LeadScoring.score(MODEL, NOBODY, activities, DAY1.plus(Duration.ofDays(10)));

        double expectedViews = 2.5 + 2 * Math.pow(0.5, 0.9); // 3.5718 -> 4
        assertThat(Math.round(expectedViews)).isEqualTo(4);
        assertThat(score.contributions()).extracting(c -> c.ruleId() + "=" + c.points())
                .containsExactly("views=4", "demo=20");
        assertThat(score.behaviour()).isEqualTo(24);
        assertThat(score.total()).isEqualTo(24);
        assertThat(score.contributions().get(0).reason()).isEqualTo("Visited pages (4 page_view, decayed)");
    }

    @Test
    void activitiesAfterTheInstantDoNotCount() {
        LeadScore score = LeadScoring.score(MODEL, NOBODY, List.of(demo(DAY1.plusSeconds(1))), DAY1);
        assertThat(score.behaviour()).isZero();
        assertThat(score.contributions()).isEmpty();
    }

    @Test
    void disqualifyingRuleIsNamed() {
        LeadScore score = LeadScoring.score(MODEL, new LeadAttributes(null, null, null, null, "Rival.example", false),
                List.of(), DAY1);
        assertThat(score.total()).isEqualTo(-100);
        assertThat(score.disqualifiedBy().ruleId()).isEqualTo("spam");
        assertThat(score.disqualifiedBy().reason()).isEqualTo("Competitor domain Rival.example");
    }

    @Test
    void mqlPolicyGatesRecycledLeadsAndPersonas() {
        LeadScore sixty = new LeadScore(60, 60, 0, List.of(), null);
        MqlPolicy policy = new MqlPolicy(1);
        MqlPolicy.Definition plain = new MqlPolicy.Definition(50, null);
        assertThat(policy.qualifies(sixty, plain, null, false, null, List.of())).isTrue();
        assertThat(policy.qualifies(sixty, new MqlPolicy.Definition(61, null), null, false, null, List.of()))
                .isFalse();
        assertThat(policy.qualifies(sixty, new MqlPolicy.Definition(50, "Ops"), "Finance", false, null, List.of()))
                .isFalse();
        assertThat(policy.qualifies(sixty, new MqlPolicy.Definition(50, "Ops"), "ops", false, null, List.of()))
                .isTrue();
        assertThat(policy.qualifies(sixty, plain, null, false, DAY1, List.of(view(DAY1)))).isFalse();
        assertThat(policy.qualifies(sixty, plain, null, false, DAY1, List.of(view(DAY1.plusSeconds(1))))).isTrue();
        assertThat(new MqlPolicy(0).qualifies(sixty, plain, null, false, DAY1, List.of())).isTrue();
    }

    @Test
    void mostSpecificPersonaWins() {
        Persona ops = new Persona("Ops", List.of(criterion("jobTitle", "operations")));
        Persona opsBuilder = new Persona("Ops in construction", List.of(criterion("jobTitle", "operations"),
                new Persona.Criterion("industry", null, null, List.of("construction"), null)));
        LeadAttributes builder = new LeadAttributes("Head of Operations", null, "construction", null, null, false);
        LeadAttributes banker = new LeadAttributes("Head of Operations", null, "finance", null, null, false);

        assertThat(Persona.bestMatch(List.of(ops, opsBuilder), builder)).isEqualTo("Ops in construction");
        assertThat(Persona.bestMatch(List.of(ops, opsBuilder), banker)).isEqualTo("Ops");
        assertThat(Persona.bestMatch(List.of(opsBuilder), banker)).isNull();
    }

    private static Persona.Criterion criterion(String attribute, String pattern) {
        return new Persona.Criterion(attribute, pattern, null, null, null);
    }

    private static Activity view(Instant at) {
        return new Activity(UUID.randomUUID(), ActivityType.PAGE_VIEW, at);
    }

    private static Activity demo(Instant at) {
        return new Activity(UUID.randomUUID(), ActivityType.DEMO_REQUEST, at);
    }
}
