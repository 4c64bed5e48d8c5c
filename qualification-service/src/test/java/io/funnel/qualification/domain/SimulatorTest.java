package io.funnel.qualification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.qualification.domain.LeadHistory.Outcome;
import io.funnel.qualification.domain.ScoringModel.BehaviourRule;
import io.funnel.qualification.domain.ScoringModel.FitRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final CompiledModel MODEL = CompiledModel.of(0, new ScoringModel(
            List.of(new FitRule("ceo", "jobTitle", "\\bceo\\b", null, null, null, 30, "CEO", false),
                    new FitRule("rival", "emailDomain", null, null, List.of("rival.example"), null, -10, "Rival",
                            true)),
            List.of(new BehaviourRule("view", "PAGE_VIEW", 10, null, null, "Views"),
                    new BehaviourRule("demo", "DEMO_REQUEST", 20, null, 30d, "Demo"))));
    private static final LeadAttributes CEO = attributes("CEO", "firm.example");
    private static final LeadAttributes CLERK = attributes("Clerk", "firm.example");

    /** The MQL definition the example is measured against unless a test says otherwise: 50, no persona required. */
    private static final MqlPolicy.Definition AT_50 = new MqlPolicy.Definition(50, null);
    /** The live default: one activity after a rejection is enough. */
    private static final MqlPolicy RECYCLE_AFTER_ONE = new MqlPolicy(1);

    /**
     * Threshold 50. A: 30 at capture, 40, then 50 on 3 Feb (Feb). B: 30 + a 20-point demo the next day (Jan).
     * C: a clerk with five views, 50 at the fifth (Jan). D: activity before capture counts at capture: 30 + 10 +
     * 20 * 0.5^(1/30) = 59.5 -> 60 (Jan). E: competitor, never. F: its demo had decayed to 5 by capture, 35 then 45:
     * never. So January 3 MQLs (D accepted, B rejected) and February 1 (A, accepted and won).
     */
    @Test
    void matchesAHandComputedExample() {
        List<LeadHistory> leads = example();

        Simulator.Result result = simulator(RECYCLE_AFTER_ONE, AT_50).run(MODEL, leads);

        assertThat(result.months()).containsExactly(
                new Simulator.Month("2026-01", 3, 1, 1, 0),
                new Simulator.Month("2026-02", 1, 1, 0, 1));
        assertThat(result.leads()).isEqualTo(6);
        assertThat(result.mqls()).isEqualTo(4);
        assertThat(result.won()).isEqualTo(1);
        assertThat(simulator(RECYCLE_AFTER_ONE, new MqlPolicy.Definition(61, null)).run(MODEL, leads).mqls())
                .isZero();
        // At 30 every CEO but the competitor qualifies at capture, the clerk at the third view; F in March at 35
        assertThat(simulator(RECYCLE_AFTER_ONE, new MqlPolicy.Definition(30, null)).run(MODEL, leads).months())
                .extracting(Simulator.Month::month, Simulator.Month::mqls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-01", 4),
                        org.assertj.core.groups.Tuple.tuple("2026-03", 1));
    }

    /**
     * The live MQL policy, on the example plus G: a CEO at 30, a view on 20 Jan (40), rejected by sales on 30 Jan,
     * views on 31 Jan (50) and 1 Feb (60). With the persona "Boss" (a CEO) required the clerk C no longer counts.
     * Recycling after one new activity, G counts on 31 Jan: January B, D, G (G rejected too), February A. After two,
     * G's view on 31 Jan is not enough and it counts on 1 Feb.
     */
    @Test
    void appliesTheRequiredPersonaAndTheRecyclingRuleAsLiveScoringDoes() {
        List<LeadHistory> leads = new ArrayList<>(example());
        leads.add(new LeadHistory(UUID.randomUUID(), CEO, Instant.parse("2026-01-10T10:00:00Z"),
                List.of(view("2026-01-20T10:00:00Z"), view("2026-01-31T10:00:00Z"), view("2026-02-01T10:00:00Z")),
                Set.of(Outcome.REJECTED), List.of(Instant.parse("2026-01-30T10:00:00Z"))));
        MqlPolicy.Definition bossAt50 = new MqlPolicy.Definition(50, "Boss");
        List<Persona> personas = List.of(
                new Persona("Boss", List.of(new Persona.Criterion("jobTitle", "\\bceo\\b", null, null, null))),
                new Persona("Clerk", List.of(new Persona.Criterion("jobTitle", "clerk", null, null, null))));

        assertThat(new Simulator(RECYCLE_AFTER_ONE, bossAt50, personas).run(MODEL, leads).months()).containsExactly(
                new Simulator.Month("2026-01", 3, 1, 2, 0),
                new Simulator.Month("2026-02", 1, 1, 0, 1));
        assertThat(new Simulator(new MqlPolicy(2), bossAt50, personas).run(MODEL, leads).months()).containsExactly(
                new Simulator.Month("2026-01", 2, 1, 1, 0),
                new Simulator.Month("2026-02", 2, 1, 1, 1));
        assertThat(new Simulator(RECYCLE_AFTER_ONE, AT_50, personas).run(MODEL, leads).mqls())
                .as("no persona required: the clerk counts again").isEqualTo(5);
    }

    /** 10,000 leads with 20 activities each agree with a straightforward replay; the time is printed, not asserted. */
    @Test
    void tenThousandLeads() {
        CompiledModel model = SeededModel.compiled();
        List<LeadHistory> leads = randomLeads(10_000, new Random(42));

        long started = System.nanoTime();
        Simulator.Result result = simulator(RECYCLE_AFTER_ONE, AT_50).run(model, leads);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Simulation of %d leads took %d ms (%d MQLs)%n", leads.size(), millis, result.mqls());

        long expected = leads.stream().filter(l -> qualifiesByFullReplay(model, l)).count();
        assertThat(result.mqls()).isEqualTo((int) expected).isPositive();
        assertThat(result.months().stream().mapToInt(Simulator.Month::mqls).sum()).isEqualTo(result.mqls());
    }

    private static boolean qualifiesByFullReplay(CompiledModel model, LeadHistory lead) {
        List<Instant> instants = new ArrayList<>(List.of(lead.capturedAt()));
        lead.activities().stream().map(Activity::occurredAt).filter(t -> t.isAfter(lead.capturedAt()))
                .forEach(instants::add);
        return instants.stream().map(t -> LeadScoring.score(model, lead.attributes(), lead.activities(), t))
                .anyMatch(s -> s.disqualifiedBy() == null && s.total() >= 50);
    }

    private static List<LeadHistory> randomLeads(int count, Random random) {
        String[] titles = {"Head of Operations", "Student", "Engineer", "Analyst", "Architect", "Site engineer"};
        String[] industries = {"construction", "education", "retail", "finance", "software"};
        ActivityType[] types = ActivityType.values();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<LeadHistory> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant captured = start.plusSeconds(random.nextInt(365 * 86_400));
            List<Activity> activities = new ArrayList<>();
            for (int a = 0; a < 20; a++) { // from 10 days before capture to 110 days after
                activities.add(new Activity(UUID.randomUUID(), types[random.nextInt(types.length)],
                        captured.plusSeconds(random.nextInt(120 * 86_400) - 10 * 86_400)));
            }
            LeadAttributes attributes = new LeadAttributes(titles[random.nextInt(titles.length)],
                    random.nextInt(8000), industries[random.nextInt(industries.length)], "ES",
                    random.nextBoolean() ? "gmail.com" : "firm.example", random.nextBoolean());
            leads.add(new LeadHistory(UUID.randomUUID(), attributes, captured, activities,
                    random.nextBoolean() ? Set.of(Outcome.ACCEPTED) : Set.of(), List.of()));
        }
        return leads;
    }

    /** A to F of the hand-computed example. */
    private static List<LeadHistory> example() {
        return List.of(
                lead(CEO, "2026-01-10T10:00:00Z", Set.of(Outcome.ACCEPTED, Outcome.WON),
                        view("2026-01-12T10:00:00Z"), view("2026-02-03T10:00:00Z")),
                lead(CEO, "2026-01-05T10:00:00Z", Set.of(Outcome.REJECTED), demo("2026-01-06T10:00:00Z")),
                lead(CLERK, "2026-01-20T10:00:00Z", Set.of(), view("2026-01-21T10:00:00Z"),
                        view("2026-01-22T10:00:00Z"), view("2026-01-23T10:00:00Z"), view("2026-01-24T10:00:00Z"),
                        view("2026-01-25T10:00:00Z")),
                lead(CEO, "2026-01-01T00:00:00Z", Set.of(Outcome.ACCEPTED), view("2025-12-30T00:00:00Z"),
                        demo("2025-12-31T00:00:00Z")),
                lead(attributes("CEO", "rival.example"), "2026-01-02T00:00:00Z", Set.of(),
                        demo("2026-01-03T00:00:00Z"), demo("2026-01-04T00:00:00Z")),
                lead(CEO, "2026-03-01T00:00:00Z", Set.of(), demo("2026-01-01T00:00:00Z"),
                        view("2026-03-02T00:00:00Z")));
    }

    private static Simulator simulator(MqlPolicy policy, MqlPolicy.Definition definition) {
        return new Simulator(policy, definition, List.of());
    }

    /** B's rejection (on 7 Jan, after it qualified) changes nothing; G, added by one test, shows the rule. */
    private static LeadHistory lead(LeadAttributes attributes, String capturedAt, Set<Outcome> outcomes,
            Activity... activities) {
        List<Instant> rejections = outcomes.contains(Outcome.REJECTED) ? List.of(Instant.parse("2026-01-07T10:00:00Z"))
                : List.of();
        return new LeadHistory(UUID.randomUUID(), attributes, Instant.parse(capturedAt), List.of(activities),
                outcomes, rejections);
    }

    private static LeadAttributes attributes(String title, String domain) {
        return new LeadAttributes(title, null, null, null, domain, false);
    }

    private static Activity view(String at) {
        return new Activity(UUID.randomUUID(), ActivityType.PAGE_VIEW, Instant.parse(at));
    }

    private static Activity demo(String at) {
        return new Activity(UUID.randomUUID(), ActivityType.DEMO_REQUEST, Instant.parse(at));
    }
}
