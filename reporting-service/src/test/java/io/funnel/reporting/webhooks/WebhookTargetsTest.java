package io.funnel.reporting.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.funnel.platform.api.ProblemException;
import io.vertx.mutiny.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard with private targets refused, as in production (the test profile allows them so that the other
 * tests can use a receiver on 127.0.0.1). Literal addresses and {@code localhost} need no DNS.
 */
class WebhookTargetsTest {

    private static Vertx vertx;
    private static WebhookTargets targets;

    @BeforeAll
    static void refusingPrivateTargets() {
        vertx = Vertx.vertx();
        targets = new WebhookTargets(vertx, new FixedConfig(false));
    }

    @AfterAll
    static void closeVertx() {
        vertx.closeAndAwait();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "192.0.0.8", "198.18.0.1",
            "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1",
            "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe"})
    void internalAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(WebhookTargets.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
            "2606:4700:4700::1111", "64:ff9b::808:808"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(WebhookTargets.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "https://localhost/hook", "http://[::1]/hook",
            "http://169.254.169.254/latest/meta-data/", "http://user:pw@10.0.0.5/hook"})
    void savingAnInternalUrlIs422(String url) {
        assertThatThrownBy(() -> targets.refuseInternal(WebhookTargets.parse(url)).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().errors()).extracting(error -> error.field()).containsExactly("url");
                });
    }

    @Test
    void aPublicAddressIsWhereAnAttemptConnects() {
        URI url = WebhookTargets.parse("https://93.184.216.34:8443/hook");
        targets.refuseInternal(url).await().atMost(Duration.ofSeconds(10));
        assertThat(targets.resolve(url).await().atMost(Duration.ofSeconds(10)).getHostAddress())
                .isEqualTo("93.184.216.34");
    }

    @Test
    void anAttemptToAnInternalAddressIsRefusedWithoutTheUrl() {
        URI url = WebhookTargets.parse("http://user:secret@127.0.0.1:9/hook?token=abc");
        assertThatThrownBy(() -> targets.resolve(url).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(WebhookTargets.RefusedTarget.class)
                .hasMessage("Refused: 127.0.0.1 resolves to an internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "/hook", "example.com/hook", "https://", "https://exa mple.com",
            "mailto:ops@example.com", "javascript:alert(1)"})
    void onlyAbsoluteHttpUrlsParse(String url) {
        assertThatThrownBy(() -> WebhookTargets.parse(url)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(422));
    }

    @Test
    void allowingPrivateTargetsLetsTheLoopbackThrough() {
        WebhookTargets allowing = new WebhookTargets(vertx, new FixedConfig(true));
        URI url = WebhookTargets.parse("http://127.0.0.1:9/hook");
        allowing.refuseInternal(url).await().atMost(Duration.ofSeconds(10));
        assertThat(allowing.resolve(url).await().atMost(Duration.ofSeconds(10)).isLoopbackAddress()).isTrue();
    }

    private record FixedConfig(boolean allowPrivateTargets) implements WebhookConfig {

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int maxInFlight() {
            return 1;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration backoff() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int maxAttempts() {
            return 1;
        }

        @Override
        public Duration subscriptionsMaxAge() {
            return Duration.ofSeconds(1);
        }
    }
}
