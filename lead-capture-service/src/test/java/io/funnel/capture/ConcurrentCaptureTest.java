package io.funnel.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.Topics;
import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many leads posted at once, so that captures share transactions (group commit): each request still gets the answer
 * it would have got alone, including those whose e-mail or idempotency key another request of the burst also used.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class ConcurrentCaptureTest {

    @TestHTTPResource("/api/leads")
    URI leads;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TopicProbe probe;

    @BeforeEach
    void subscribe() {
        probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.LEADS);
    }

    @AfterEach
    void close() {
        probe.close();
    }
    private final String token = DevIssuer.token(Roles.CAPTURE);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyRequestOfABurstGetsItsOwnAnswer() {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            posts.add(new Post("unique-" + i, email("unique." + i), null));
        }
        for (int i = 0; i < 6; i++) {
            posts.add(new Post("twice-" + i + "-a", email("twice." + i), null));
            posts.add(new Post("twice-" + i + "-b", email("twice." + i), null));
        }
        String reusedKey = "reused-" + run;
        posts.add(new Post("key-first", email("key.first"), reusedKey));
        posts.add(new Post("key-other", email("key.other"), reusedKey));
        String retriedKey = "retried-" + run;
        posts.add(new Post("retry-a", email("retry"), retriedKey));
        posts.add(new Post("retry-b", email("retry"), retriedKey));
        Collections.shuffle(posts);

        Map<String, HttpResponse<String>> answers = postAtOnce(posts);

        for (int i = 0; i < 40; i++) {
            assertThat(answers.get("unique-" + i).statusCode()).isEqualTo(201);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(List.of(answers.get("twice-" + i + "-a").body(), answers.get("twice-" + i + "-b").body()))
                    .anySatisfy(body -> assertThat(body).contains("\"CAPTURED\""))
                    .anySatisfy(body -> assertThat(body).contains("\"MERGED\""));
        }
        assertThat(List.of(answers.get("key-first").statusCode(), answers.get("key-other").statusCode()))
                .containsExactlyInAnyOrder(201, 422);
        assertThat(List.of(answers.get("retry-a"), answers.get("retry-b")))
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201))
                .anySatisfy(answer -> assertThat(answer.headers().firstValue("Idempotent-Replayed")).hasValue("true"))
                .extracting(HttpResponse::body).containsOnly(answers.get("retry-a").body());

        Set<String> stored = leadIds();
        assertThat(stored).hasSize(40 + 6 + 1 + 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                probe.ofType("io.funnel.LeadCaptured.v1").stream().map(TopicProbe.Received::key)
                        .filter(stored::contains).toList())
                .as("one LeadCaptured per stored lead")
                .hasSize(stored.size()).doesNotHaveDuplicates());
    }

    private Set<String> leadIds() {
        Set<String> ids = new HashSet<>();
        try (Connection db = TestDatabase.connect(); Statement select = db.createStatement();
                ResultSet rows = select.executeQuery(
                        "select id from lead where email like '%." + run + "@burst.example'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private Map<String, HttpResponse<String>> postAtOnce(List<Post> posts) {
        List<CompletableFuture<Map.Entry<String, HttpResponse<String>>>> sent = posts.stream()
                .map(post -> client.sendAsync(post.request(leads, token), HttpResponse.BodyHandlers.ofString())
                        .thenApply(answer -> Map.entry(post.name(), answer)))
                .toList();
        return sent.stream().map(CompletableFuture::join)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private String email(String local) {
        return local + "." + run + "@burst.example";
    }

    private record Post(String name, String email, String idempotencyKey) {

        HttpRequest request(URI leads, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(leads)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"company\":\"Burst\"}"));
            return (idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey)).build();
        }
    }
}
