package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.KafkaBroker;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox at work: leads accepted while the broker is down reach Kafka, once each, when it is back. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.CAPTURE)
class BrokerOutageTest {

    @Test
    void leadsPostedWhileTheBrokerIsDownArePublishedWhenItReturns() {
        KafkaBroker broker = FunnelTestResource.broker();
        broker.stop();
        String leadId;
        try {
            leadId = given().contentType(ContentType.JSON)
                    .body("{\"email\":\"outage." + UUID.randomUUID() + "@acme.example\"}")
                    .post("/api/leads").then().statusCode(201).extract().path("leadId");
        } finally {
            broker.start();
        }

        try (TopicProbe leads = TopicProbe.reading(broker.bootstrapServers(), Topics.LEADS)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(leads.ofType("io.funnel.LeadCaptured.v1")).filteredOn(r -> r.key().equals(leadId))
                            .hasSize(1));
        }
    }
}
