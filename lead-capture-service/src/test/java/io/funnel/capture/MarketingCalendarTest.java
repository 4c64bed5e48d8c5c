package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.events.EventCodec;
import io.funnel.events.MarketingEvent.ContentPublished;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class MarketingCalendarTest {

    @Test
    void launchingAndPublishingEmitEventsOnce() {
        String campaignId = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Spring BIM\",\"channel\":\"linkedin\",\"startsOn\":\"2026-03-01\",\"endsOn\":\"2026-04-30\"}")
                .post("/api/campaigns").then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
        String contentId = given().contentType(ContentType.JSON)
                .body("{\"title\":\"BIM buyer's guide\",\"format\":\"ebook\",\"campaignId\":\"" + campaignId
                        + "\",\"author\":\"Marta\",\"plannedOn\":\"2026-03-10\"}")
                .post("/api/content").then().statusCode(201).extract().path("id");

        given().post("/api/campaigns/" + campaignId + "/launch").then().statusCode(200)
                .body("status", equalTo("LAUNCHED"));
        given().post("/api/campaigns/" + campaignId + "/launch").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("campaignStatus", equalTo("LAUNCHED"));
        given().delete("/api/campaigns/" + campaignId).then().statusCode(409);
        given().post("/api/content/" + contentId + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));

        try (TopicProbe marketing = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(),
                Topics.MARKETING)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(marketing.ofType("io.funnel.CampaignLaunched.v1"))
                        .filteredOn(r -> r.key().equals(campaignId)).hasSize(1);
                assertThat(marketing.ofType("io.funnel.ContentPublished.v1"))
                        .filteredOn(r -> r.key().equals(contentId)).singleElement()
                        .satisfies(r -> assertThat(((ContentPublished) EventCodec.decode(r.header("ce_type"),
                                r.value())).campaignId().toString()).isEqualTo(campaignId));
            });
        }
    }

    @Test
    void calendarEntriesAreValidated() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Backwards\",\"channel\":\"email\",\"startsOn\":\"2026-05-01\",\"endsOn\":\"2026-04-01\"}")
                .post("/api/campaigns").then().statusCode(422).body("errors.field", hasItem("endsOn"));
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"Orphan\",\"format\":\"ebook\",\"campaignId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/content").then().statusCode(422).body("errors.field", hasItem("campaignId"));
        given().contentType(ContentType.JSON).body("{\"title\":\"Odd\",\"format\":\"hologram\"}")
                .post("/api/content").then().statusCode(422).body("errors.field", hasItem("format"));
        given().post("/api/campaigns/" + UUID.randomUUID() + "/launch").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"channel\":\"y\",\"startsOn\":\"March\"}")
                .post("/api/campaigns").then().statusCode(400).body("errors.field", hasItem("startsOn"));
    }
}
