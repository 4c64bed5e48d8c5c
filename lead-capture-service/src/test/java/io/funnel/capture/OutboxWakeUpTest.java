package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With the relay's poll an hour apart, only the commit notification can bring a lead to Kafka within seconds. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.CAPTURE)
@TestProfile(OutboxWakeUpTest.HourlyPoll.class)
class OutboxWakeUpTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("funnel.outbox.interval", "1h");
        }
    }

    private static final String LISTENING = "select count(*) from pg_stat_activity"
            + " where datname = current_database() and query ilike 'listen%'";

    @Test
    void aCommitWakesTheRelay() {
        assertRelayed(capture());
    }

    @Test
    void theRelayListensAgainAfterItsConnectionWasLost() {
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.count(LISTENING) == 1);
        TestDatabase.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                + " where datname = current_database() and query ilike 'listen%'");
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.count(LISTENING) == 1);

        assertRelayed(capture());
    }

    private static String capture() {
        return given().contentType(ContentType.JSON)
                .body("{\"email\":\"wake." + UUID.randomUUID() + "@acme.example\"}")
                .post("/api/leads").then().statusCode(201).extract().path("leadId");
    }

    private static void assertRelayed(String leadId) {
        try (TopicProbe leads = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.LEADS)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(leads.ofType("io.funnel.LeadCaptured.v1")).filteredOn(r -> r.key().equals(leadId))
                            .hasSize(1));
        }
    }
}
