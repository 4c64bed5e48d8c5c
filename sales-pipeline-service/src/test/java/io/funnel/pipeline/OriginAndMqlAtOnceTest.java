package io.funnel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Capture's event and the MQL of one lead consumed at the same moment on their two channels: the MQL waits for the
 * origin being written (the lead's first, or a newer one) and is routed by it, instead of each transaction missing
 * the other's uncommitted work and the MQL staying queued without its country and source.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class OriginAndMqlAtOnceTest {

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    /** This test's source, routed by a rule to its one rep. */
    private String source;
    private String repId;
    private final UUID leadId = UUID.randomUUID();

    @BeforeEach
    void aRuleForAFreshSource() {
        source = "fair-" + UUID.randomUUID();
        repId = Pipeline.rep("Olga Origin " + source, "ES", 5);
        Pipeline.ruleForSource(source, "fairs", repId);
    }

    @Test
    void anMqlConsumedWhileItsOriginIsBeingWrittenIsRoutedByThatOrigin() throws SQLException {
        qualifiedWhileTheLeadsChannelHolds("insert into lead_routing (lead_id, country, source, origin_at)"
                + " values (?, 'ES', ?, now())", leadId, source);
        assertThat(Pipeline.repOf(leadId)).isEqualTo(repId);
    }

    @Test
    void anMqlConsumedWhileItsKnownOriginIsBeingUpdatedIsRoutedByTheUpdate() throws SQLException {
        Pipeline.captured(probe, leadId, "ES", null);
        qualifiedWhileTheLeadsChannelHolds("update lead_routing set source = ?, origin_at = now()"
                + " where lead_id = ?", source, leadId);
        assertThat(Pipeline.repOf(leadId)).isEqualTo(repId);
    }

    /**
     * The leads channel's transaction, between writing the lead's origin and committing: the MQL is sent, and the
     * transaction commits once the MQL's consumer waits for its lock. Returns when the pipeline has the lead.
     */
    private void qualifiedWhileTheLeadsChannelHolds(String originSql, Object... parameters) throws SQLException {
        try (Connection leadsChannel = TestDatabase.connect()) {
            leadsChannel.setAutoCommit(false);
            try (PreparedStatement origin = leadsChannel.prepareStatement(originSql)) {
                for (int i = 0; i < parameters.length; i++) {
                    origin.setObject(i + 1, parameters[i]);
                }
                assertThat(origin.executeUpdate()).isEqualTo(1);
            }
            Pipeline.qualified(probe, leadId, 70);
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from"
                    + " pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()") > 0);
            leadsChannel.commit();
        }
        Pipeline.awaitLead(leadId);
    }
}
