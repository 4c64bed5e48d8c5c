package io.funnel.pipeline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.pipeline.domain.RepRouter.Candidate;
import io.funnel.pipeline.domain.RepRouter.LeadFacts;
import io.funnel.pipeline.domain.RepRouter.Routing;
import io.funnel.pipeline.domain.RepRouter.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RepRouterTest {

    private static final RepRouter ROUTER = new RepRouter("default");
    private static final LeadFacts SPANISH_WEBINAR_CFO = new LeadFacts("ES", "webinar", "cfo", 70);

    private final UUID ana = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID eva = UUID.randomUUID();

    private static Candidate rep(UUID id, Set<String> territories, int capacity) {
        return new Candidate(id, territories, Set.of(), capacity, true, null);
    }

    private static Rule rule(Set<String> countries, Set<String> sources, Integer min, Integer max, String queue,
            UUID... reps) {
        return new Rule(UUID.randomUUID(), countries, Set.of(), sources, min, max, queue, List.of(reps));
    }

    @Test
    void firstMatchingRuleWinsEvenWhenALaterOneAlsoMatches() {
        Rule enterprise = rule(Set.of(), Set.of(), 80, null, "enterprise", eva);
        Rule iberia = rule(Set.of("ES", "PT"), Set.of("webinar"), null, null, "iberia", ana);
        Rule anyWebinar = rule(Set.of(), Set.of("WEBINAR"), null, null, "webinars", ben);
        List<Candidate> reps = List.of(rep(ana, Set.of("ES"), 5), rep(ben, Set.of("ES"), 5),
                rep(eva, Set.of("ES"), 5));

        Routing routing = ROUTER.route(SPANISH_WEBINAR_CFO, List.of(enterprise, iberia, anyWebinar), reps, Map.of(),
                null);

        assertThat(routing).isEqualTo(new Routing(iberia.id(), "iberia", ana));
        assertThat(ROUTER.route(new LeadFacts("ES", "webinar", "cfo", 85), List.of(enterprise, iberia), reps,
                Map.of(), null).repId()).isEqualTo(eva);
    }

    @Test
    void criteriaNamingValuesDoNotMatchUnknownAttributes() {
        Rule bySource = rule(Set.of(), Set.of("webinar"), null, null, "webinars", ana);
        Routing routing = ROUTER.route(new LeadFacts(null, null, null, 70), List.of(bySource),
                List.of(rep(ana, Set.of("ES"), 5)), Map.of(), null);
        assertThat(routing).isEqualTo(new Routing(null, "default", null));
    }

    @Test
    void fallbackTakesTheActiveRepsCoveringTheCountryAndPersona() {
        Candidate cfoSpecialist = new Candidate(ana, Set.of("ES"), Set.of("CFO"), 5, true, null);
        Candidate ctoSpecialist = new Candidate(ben, Set.of("ES"), Set.of("cto"), 9, true, null);
        Candidate french = rep(eva, Set.of("FR"), 9);
        Routing routing = ROUTER.route(SPANISH_WEBINAR_CFO, List.of(), List.of(cfoSpecialist, ctoSpecialist, french),
                Map.of(), null);
        assertThat(routing).isEqualTo(new Routing(null, "default", ana));
    }

    @Test
    void roundRobinIsWeightedByFreeCapacityAndStopsWhenEveryoneIsFull() {
        Rule iberia = rule(Set.of("ES"), Set.of(), null, null, "iberia", ana, ben);
        Map<UUID, Long> open = new HashMap<>(Map.of(ana, 1L));
        Map<UUID, Long> turns = new HashMap<>();
        List<UUID> handedOut = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Candidate> reps = List.of(
                    new Candidate(ana, Set.of("ES"), Set.of(), 4, true, turns.get(ana)),
                    new Candidate(ben, Set.of("ES"), Set.of(), 2, true, turns.get(ben)));
            Routing routing = ROUTER.route(SPANISH_WEBINAR_CFO, List.of(iberia), reps, open, null);
            handedOut.add(routing.repId());
            if (routing.repId() != null) {
                open.merge(routing.repId(), 1L, Long::sum);
                turns.put(routing.repId(), (long) i);
            }
        }
        // Free capacity 3 vs 2: Ana first, then turns alternate on ties; 5 leads fill both, the 6th waits.
        assertThat(handedOut).containsExactly(ana, ben, ana, ben, ana, null);
    }

    @Test
    void inactiveAndExcludedRepsGetNothing() {
        Rule iberia = rule(Set.of("ES"), Set.of(), null, null, "iberia", ana, ben);
        List<Candidate> reps = List.of(new Candidate(ana, Set.of("ES"), Set.of(), 5, false, null),
                rep(ben, Set.of("ES"), 5));
        assertThat(ROUTER.route(SPANISH_WEBINAR_CFO, List.of(iberia), reps, Map.of(), null).repId()).isEqualTo(ben);
        assertThat(ROUTER.route(SPANISH_WEBINAR_CFO, List.of(iberia), reps, Map.of(), ben))
                .isEqualTo(new Routing(iberia.id(), "iberia", null));
    }

    @Test
    void scoreBandsAreInclusive() {
        Rule band = rule(Set.of(), Set.of(), 50, 70, "mid", ana);
        List<Candidate> reps = List.of(rep(ana, Set.of("ES"), 5));
        assertThat(ROUTER.route(new LeadFacts("ES", null, null, 70), List.of(band), reps, Map.of(), null).ruleId())
                .isEqualTo(band.id());
        assertThat(ROUTER.route(new LeadFacts("ES", null, null, 71), List.of(band), reps, Map.of(), null).ruleId())
                .isNull();
    }
}
