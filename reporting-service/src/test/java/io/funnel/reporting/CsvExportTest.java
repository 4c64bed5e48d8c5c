package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** This class owns 2019: one lead from campaign "=sum(a1),b", an MQL five hours after capture. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.SALES)
class CsvExportTest {

    @Test
    void theFunnelAsCsvWithQuotingAndNoFormulas() {
        Scenario s = new Scenario(Instant.parse("2019-03-01T00:00:00Z"));
        UUID lead = UUID.randomUUID();
        s.lead(lead, 0, "ads", "=sum(a1),b", null)
                .add(new LeadQualified(lead, 60, 50, null, List.of(), s.hours(5)))
                .publish(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String csv = given().accept("text/csv").queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                    .queryParam("groupBy", "campaign").get("/api/funnel")
                    .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
            assertThat(csv.split("\r\n")).containsExactly(
                    "group,stage,entered,conversionToNext,medianHoursInStage,p90HoursInStage,recycled,disqualified,lost",
                    "(all),VISITOR,1,1.0,0.0,0.0,0,0,0",
                    "(all),LEAD,1,1.0,5.0,5.0,0,0,0",
                    "(all),MQL,1,0.0,0.0,0.0,0,0,0",
                    "(all),SQL,0,0.0,0.0,0.0,0,0,0",
                    "(all),OPPORTUNITY,0,0.0,0.0,0.0,0,0,0",
                    "(all),CUSTOMER,0,0.0,0.0,0.0,0,0,0",
                    "\"'=sum(a1),b\",VISITOR,1,1.0,0.0,0.0,0,0,0",
                    "\"'=sum(a1),b\",LEAD,1,1.0,5.0,5.0,0,0,0",
                    "\"'=sum(a1),b\",MQL,1,0.0,0.0,0.0,0,0,0",
                    "\"'=sum(a1),b\",SQL,0,0.0,0.0,0.0,0,0,0",
                    "\"'=sum(a1),b\",OPPORTUNITY,0,0.0,0.0,0.0,0,0,0",
                    "\"'=sum(a1),b\",CUSTOMER,0,0.0,0.0,0.0,0,0,0");
        });
    }

    @Test
    void everyReportHasACsvForm() {
        assertThat(csv("/api/sla")).startsWith("section,key,metric,value\r\nmarketing,1995-01,mqlsDelivered,0\r\n");
        assertThat(csv("/api/feedback")).isEqualTo("kind,campaign,item,count,lostOpportunities,lostRevenue\r\n");
        assertThat(csv("/api/attribution")).isEqualTo("model,dimension,key,revenue,pipeline\r\n");
        String plan = given().accept("text/csv").contentType(ContentType.JSON)
                .body("{\"revenueTarget\": 1000, \"period\": \"1995-06\", \"averageDealSize\": 100,"
                        + " \"asOf\": \"1995-01-01T00:00:00Z\"}")
                .post("/api/plan").then().statusCode(200).extract().asString();
        assertThat(plan).startsWith("stage,conversionToNext,medianHoursInStage,needed,enterBy,inFunnelNow,"
                + "neededForGap\r\nVISITOR,0.0,0.0,,");
        String goals = given().accept("text/csv").get("/api/goals").then().statusCode(200).extract().asString();
        assertThat(goals).startsWith("id,name,metric,target,startsOn,deadline,ownerTeam,actual,share,expectedByNow,"
                + "status\r\n");
        given().accept("text/csv").queryParam("groupBy", "nope").get("/api/funnel")
                .then().statusCode(400).contentType("application/problem+json");
        // The agreement is a contract, not a report: no CSV form.
        given().accept("text/csv").get("/api/agreement/versions")
                .then().statusCode(406).contentType("application/problem+json")
                .body("detail", equalTo("Cannot produce the requested media type"));
    }

    private static String csv(String path) {
        return given().accept("text/csv").queryParam("from", "1995-01-01").queryParam("to", "1995-01-31")
                .get(path).then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
    }
}
