package io.funnel.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routing counts a rep's open leads once per consumed batch, so the count can miss a lead another transaction hands
 * the rep meanwhile. The rep's versioned row is what keeps the rep within capacity then.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class CapacityRaceTest {

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @Test
    void aLeadHandedOutMeanwhileKeepsTheFullRepFromASecondOne() throws Exception {
        String source = "race-" + UUID.randomUUID();
        String rep = Pipeline.rep("Rita Race", "GL", 1);
        Pipeline.ruleForSource(source, "race", rep);
        UUID mql = UUID.randomUUID();
        Pipeline.captured(probe, mql, "GL", source);

        try (Connection other = TestDatabase.connect(); Statement statement = other.createStatement()) {
            // Another transaction hands the rep a lead and has not committed when the MQL is routed: the batch counts
            // no open lead, routes the MQL to the rep, and its write of the rep's turn waits for this row.
            other.setAutoCommit(false);
            statement.executeUpdate("update rep set last_turn = nextval('rep_turn'), version = version + 1"
                    + " where id = '" + rep + "'");
            statement.executeUpdate("insert into pipeline_lead (lead_id, stage, queue, rep_id, score, qualified_at,"
                    + " assigned_at) values ('" + UUID.randomUUID() + "', 'ASSIGNED', 'race', '" + rep + "', 70,"
                    + " now(), now())");
            Pipeline.qualified(probe, mql, 70);
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from"
                    + " pg_stat_activity where wait_event_type = 'Lock' and query like 'update rep %'") == 1);
            other.commit();
        }

        Pipeline.awaitLead(mql);
        assertThat(Pipeline.repOf(mql)).as("the rep, full since the other commit, gets no second lead").isNull();
        given().get("/api/leads/" + mql).then().body("stage", equalTo("QUEUED")).body("queue", equalTo("race"));
        given().get("/api/reps/" + rep).then().body("openLeads", equalTo(1));
    }
}
