package io.funnel.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadMerged;
import io.funnel.events.MarketingEvent.CampaignLaunched;
import io.funnel.events.MarketingEvent.ContentPublished;
import io.funnel.events.PipelineEvent.ContactChannel;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.LeadContacted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.ObjectionLogged;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.PipelineEvent.SlaBreached;
import io.funnel.events.PipelineEvent.SlaKind;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.local.FunnelTestResource;
import io.funnel.platform.SafeContext;
import io.funnel.reporting.domain.FunnelProjection;
import io.funnel.reporting.persistence.ProjectionBatch;
import io.funnel.reporting.persistence.ProjectionTables;
import io.funnel.reporting.persistence.RowWrite;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A batch of events folds into the same rows as the same events one at a time, whatever their order and however
 * often each comes: the batch statements fold rows with the same key by the rules the upserts apply. Works on fresh
 * copies of the tables in the rebuild schema, so the live tables are untouched.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class ProjectionFoldTest {

    private static final Instant T0 = Instant.parse("2014-03-01T09:00:00Z");
    private static final UUID LEAD = UUID.randomUUID();
    private static final UUID REP_1 = new UUID(0, 1);
    private static final UUID REP_2 = new UUID(0, 2);
    private static final UUID OPPORTUNITY = UUID.randomUUID();
    private static final UUID ACTIVITY = UUID.randomUUID();
    private static final UUID CAMPAIGN = UUID.randomUUID();
    private static final UUID CONTENT = UUID.randomUUID();

    @Inject
    FunnelProjection projection;
    @Inject
    ProjectionTables tables;
    @Inject
    SafeContext safeContext;

    @Test
    void aBatchFoldsDuplicatesAndLateEventsAsOneByOneDoes() {
        List<FunnelEvent> history = history();
        Map<String, String> oneByOne = project(history.stream().map(List::of).toList(), false);
        List<FunnelEvent> shuffled = new ArrayList<>(history);
        shuffled.addAll(history);
        Collections.shuffle(shuffled, new Random(3));
        List<FunnelEvent> reversed = new ArrayList<>(history);
        Collections.reverse(reversed);

        assertThat(project(List.of(shuffled), false)).isEqualTo(oneByOne);
        assertThat(project(List.of(reversed), false)).isEqualTo(oneByOne);
        int half = shuffled.size() / 2;
        assertThat(project(List.of(shuffled.subList(0, half), shuffled.subList(half, shuffled.size())), true))
                .isEqualTo(oneByOne);
        assertThat(oneByOne.get("lead_attribute")).contains(LEAD + ",ads,spring,,").contains(",founder,")
                .contains(REP_2.toString()).doesNotContain(REP_1.toString());
        assertThat(oneByOne.get("touch")).startsWith(ACTIVITY + "," + LEAD + ",spring");
        assertThat(oneByOne.get("opportunity")).contains(",1000.00,EUR,");
        assertThat(oneByOne.get("sla_breach")).contains(REP_1.toString()).doesNotContain(REP_2.toString());
        assertThat(oneByOne.get("objection")).contains(",price,");
        assertThat(oneByOne.get("campaign")).contains(",Spring,");
    }

    /** One lead's history with later and earlier versions of the same facts; times in hours after T0. */
    private static List<FunnelEvent> history() {
        return List.of(
                new VisitorActivityRecorded(ACTIVITY, "v-1", null, ActivityType.PAGE_VIEW, null, null, "spring",
                        at(-2)),
                new LeadCaptured(LEAD, Scenario.PROFILE, new Attribution("web", "spring", null, null), null, "v-1",
                        at(1)),
                new LeadCaptured(LEAD, Scenario.PROFILE, new Attribution("ads", "spring", null, null), null, "v-1",
                        at(0)),
                new VisitorActivityRecorded(ACTIVITY, "v-1", LEAD, ActivityType.PAGE_VIEW, null, null, "spring",
                        at(-2)),
                new LeadMerged(LEAD, "v-2", null, at(2)),
                new PersonaMatched(LEAD, "it-buyer", at(3)),
                new PersonaMatched(LEAD, "founder", at(4)),
                new LeadQualified(LEAD, 70, 60, "founder", List.of(), at(5)),
                new LeadQualified(LEAD, 75, 60, "founder", List.of(), at(4)),
                new LeadAssigned(LEAD, REP_1, "iberia", at(6), at(4.5)),
                new LeadAssigned(LEAD, REP_2, "iberia", at(7), at(5)),
                new LeadContacted(LEAD, REP_2, ContactChannel.CALL, "ok", at(8)),
                new LeadContacted(LEAD, REP_2, ContactChannel.EMAIL, "ok", at(7.5)),
                new SlaBreached(LEAD, REP_2, SlaKind.FIRST_CONTACT, at(6), at(6.5)),
                new SlaBreached(LEAD, REP_1, SlaKind.FIRST_CONTACT, at(6), at(6)),
                new LeadRejected(LEAD, REP_2, RejectionReason.TIMING, "later", at(9)),
                new LeadAccepted(LEAD, REP_2, at(10)),
                new ObjectionLogged(LEAD, OPPORTUNITY, " Price ", "too much", at(11)),
                new OpportunityOpened(LEAD, OPPORTUNITY, new BigDecimal("2000"), "EUR", null, "DISCOVERY", at(12)),
                new OpportunityOpened(LEAD, OPPORTUNITY, new BigDecimal("1000"), "EUR", null, "DISCOVERY", at(11)),
                new OpportunityWon(LEAD, OPPORTUNITY, new BigDecimal("900"), "EUR", at(13)),
                new OpportunityLost(LEAD, OPPORTUNITY, "price", "Budget", at(14)),
                new CampaignLaunched(CAMPAIGN, "Spring again", "web", null, null, at(1)),
                new CampaignLaunched(CAMPAIGN, "Spring", "web", null, null, at(0)),
                new ContentPublished(CONTENT, "Guide", "pdf", CAMPAIGN, "Ana", at(0)));
    }

    private static Instant at(double hours) {
        return T0.plusSeconds(Math.round(hours * 3600));
    }

    /**
     * Applies each batch in its own transaction to fresh tables, or stages them and folds the staged rows at the end
     * as a rebuild does; answers every table's rows as sorted text.
     */
    private Map<String, String> project(List<List<FunnelEvent>> batches, boolean staged) {
        safeContext.run(() -> Panache.withTransaction(tables::createFresh)).await().indefinitely();
        Set<RowWrite> writes = new LinkedHashSet<>();
        if (!staged) {
            tables.folds(writes).forEach(this::inFreshTables);
        }
        for (List<FunnelEvent> batch : batches) {
            ProjectionBatch rows = projection.rowsOf(batch);
            inFreshTables(staged ? () -> rows.stage(writes) : rows::write);
        }
        if (staged) {
            tables.folds(writes).forEach(this::inFreshTables);
        }
        assertThat(keysOf("rebuild")).isEqualTo(keysOf("public"));
        Map<String, String> rows = new LinkedHashMap<>();
        safeContext.run(() -> Panache.withSession(() -> Multi.createFrom().iterable(ProjectionTables.TABLES)
                        .onItem().transformToUniAndConcatenate(table -> rowsOf(table).invoke(t -> rows.put(table, t)))
                        .collect().last()))
                .await().indefinitely();
        safeContext.run(() -> Panache.withTransaction(tables::dropLeftovers)).await().indefinitely();
        return rows;
    }

    private void inFreshTables(Supplier<Uni<Void>> work) {
        safeContext.run(() -> Panache.withTransaction(() -> tables.useFresh().chain(() -> work.get())))
                .await().indefinitely();
    }

    /** The projection tables' keys and indexes in a schema: their definitions without the schema's name. */
    private String keysOf(String schema) {
        String sql = "select string_agg(replace(indexdef, ' ON " + schema + ".', ' ON '), ' | ' order by indexdef)"
                + " from pg_indexes where schemaname = '" + schema + "' and tablename in ('"
                + String.join("', '", ProjectionTables.TABLES) + "')";
        return safeContext.run(() -> Panache.withSession(() -> Panache.getSession()
                        .chain(s -> s.<String>createNativeQuery(sql, String.class).getSingleResult())))
                .await().indefinitely();
    }

    private static Uni<String> rowsOf(String table) {
        return Panache.getSession().chain(s -> s.<String>createNativeQuery("select coalesce(string_agg(trim(both '()'"
                        + " from t::text), ' | ' order by t::text), '') from rebuild." + table + " t", String.class)
                .getSingleResult());
    }
}
