package io.funnel.pipeline.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.funnel.events.EventCodec;
import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.ScoreContribution;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test steps shared by the service tests: reps through the API, leads through the broker, events read back. */
public final class Pipeline {

    public static final List<ScoreContribution> WHY = List.of(
            new ScoreContribution("fit.title.decision-maker", 25, "Job title 'CFO' is a decision maker"),
            new ScoreContribution("behaviour.webinar", 40, "Attended the pricing webinar"));

    private Pipeline() {
    }

    /** A rep in Madrid office hours (09:00-17:00 Monday to Friday). */
    public static String rep(String name, String territory, int capacity) {
        return rep(name, territory, capacity, "Europe/Madrid");
    }

    public static String rep(String name, String territory, int capacity, String timeZone) {
        return rep(given(), name, territory, capacity, timeZone);
    }

    /** A rep added with the caller's credentials; its e-mail is {@link #email(String)}. */
    public static String rep(RequestSpecification caller, String name, String territory, int capacity,
            String timeZone) {
        return caller.contentType(ContentType.JSON).body("""
                        {"name":"%s","email":"%s","territories":["%s"],"capacity":%d,
                         "timeZone":"%s"}""".formatted(name, email(name), territory, capacity, timeZone))
                .post("/api/reps").then().statusCode(201).extract().path("id");
    }

    /** The e-mail of a rep added here: "Ana Rules" is ana.rules@sales.example. */
    public static String email(String name) {
        return name.toLowerCase().replace(' ', '.') + "@sales.example";
    }

    /** A rule routing leads of this (test-unique) source to the given reps. */
    public static String ruleForSource(String source, String queue, String... repIds) {
        return ruleForSource(given(), source, queue, repIds);
    }

    public static String ruleForSource(RequestSpecification caller, String source, String queue, String... repIds) {
        String reps = String.join("\",\"", repIds);
        return caller.contentType(ContentType.JSON).body("""
                        {"name":"%s","position":10,"sources":["%s"],"queue":"%s","repIds":["%s"]}"""
                        .formatted("Leads from " + source, source, queue, reps))
                .post("/api/assignment-rules").then().statusCode(201).extract().path("id");
    }

    /** Capture announces the lead; waits until the pipeline has applied it. Answers the event id. */
    public static String captured(TopicProbe probe, UUID leadId, String country, String source) {
        String eventId = UUID.randomUUID().toString();
        probe.publish(capture(leadId, country, source, Instant.parse("2026-03-01T10:00:00Z")), eventId);
        awaitProcessed(eventId);
        return eventId;
    }

    /** The event capture would publish for a CFO of a 300-employee construction firm. */
    public static LeadCaptured capture(UUID leadId, String country, String source, Instant at) {
        return new LeadCaptured(leadId, profile(country), new Attribution(source, null, null, null), null, null, at);
    }

    public static LeadProfile profile(String country) {
        return new LeadProfile("someone@buyer.example", null, null, null, null, "CFO", 300, "construction", country);
    }

    /** Qualification declares the MQL (on 1 March 2026); answers the event id. */
    public static String qualified(TopicProbe probe, UUID leadId, int score) {
        return qualified(probe, leadId, score, Instant.parse("2026-03-01T11:00:00Z"));
    }

    public static String qualified(TopicProbe probe, UUID leadId, int score, Instant at) {
        String eventId = UUID.randomUUID().toString();
        probe.publish(new LeadQualified(leadId, score, 50, null, WHY, at), eventId);
        return eventId;
    }

    /** A captured lead, qualified and assigned (or queued): waits until the pipeline knows it. */
    public static UUID assignedLead(TopicProbe probe, String country, String source) {
        UUID leadId = UUID.randomUUID();
        captured(probe, leadId, country, source);
        qualified(probe, leadId, 70);
        awaitLead(leadId);
        return leadId;
    }

    public static void awaitLead(UUID leadId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count("select count(*) from pipeline_lead where lead_id = '" + leadId + "'") == 1);
    }

    public static void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count("select count(*) from processed_event where event_id = '" + eventId + "'") == 1);
    }

    /** Every event written so far has reached the broker. */
    public static void awaitOutboxEmpty() {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                TestDatabase.count("select count(*) from outbox_event") == 0);
    }

    public static String repOf(UUID leadId) {
        return given().get("/api/leads/" + leadId).then().statusCode(200).extract().path("repId");
    }

    /** The events of one type about one lead seen so far, decoded. */
    @SuppressWarnings("unchecked")
    public static <E extends FunnelEvent> List<E> events(TopicProbe probe, Class<E> type, UUID leadId) {
        return probe.ofType("io.funnel." + type.getSimpleName() + ".v1").stream()
                .filter(r -> leadId.toString().equals(r.key()))
                .map(r -> (E) EventCodec.decode(r.header("ce_type"), r.value()))
                .toList();
    }
}
