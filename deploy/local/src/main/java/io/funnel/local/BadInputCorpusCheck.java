package io.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus as a test: a service's test class extends this (with its Quarkus test annotations and
 * {@code @TestProfile(BadInputCorpusCheck.OwnDatabase.class)}) and the corpus runs against every operation of that
 * service, called with every role so that no 403 hides a flaw.
 */
public abstract class BadInputCorpusCheck {

    /**
     * Hostile but valid input is stored (a campaign may well be named {@code ' OR 1=1}); a profile of its own gives
     * the corpus a fresh application and database, so what it stores never meets the other tests.
     */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final List<String> EVERY_ROLE = List.of("marketing", "sales-manager", "revenue-ops", "admin",
            "capture");

    @Test
    void noBadInputGetsA5xxOrIsTakenForValid() {
        String token = DevIssuer.token("corpus@funnel.local", EVERY_ROLE, Duration.ofHours(1));
        assertThat(BadInputCorpus.failuresWithToken(token)).isEmpty();
    }
}
