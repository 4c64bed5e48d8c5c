package io.funnel.reporting.webhooks;

import io.funnel.reporting.webhooks.Deliveries.Due;
import io.funnel.reporting.webhooks.Deliveries.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one attempt of a delivery with the non-blocking Vert.x HTTP client: POSTs the CloudEvent to the address
 * {@link WebhookTargets} allowed (the URL's host still names it for TLS and the {@code Host} header), signed, within
 * {@code funnel.webhooks.timeout}. Redirects are not followed. Credentials in the URL's user part are sent as basic
 * authentication.
 */
@ApplicationScoped
public class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    static final String DELIVERY_HEADER = "X-Funnel-Delivery";
    private static final int MAX_ERROR_LENGTH = 500;

    private final HttpClient client;
    private final WebhookTargets targets;
    private final Clock clock;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, WebhookTargets targets, Clock clock, WebhookConfig config) {
        this.timeout = config.timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout((int) timeout.toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        this.targets = targets;
        this.clock = clock;
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /** Never fails: a refused target, a timeout or a connection error is an outcome like a 500. */
    Uni<Outcome> attempt(Due due) {
        long started = System.nanoTime();
        URI url = URI.create(due.url());
        return targets.resolve(url)
                .chain(address -> post(url, address, due))
                .map(status -> new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status,
                        millisSince(started)))
                .onFailure().recoverWithItem(e -> new Outcome(null, describe(e), millisSince(started)));
    }

    private Uni<Integer> post(URI url, InetAddress address, Due due) {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(WebhookTargets.host(url))
                .setPort(port)
                .setSsl(https)
                .setURI(pathAndQuery(url))
                .setFollowRedirects(false)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("User-Agent", "funnel-webhooks/1")
                .putHeader(DELIVERY_HEADER, due.id().toString())
                .putHeader(WebhookSignature.HEADER, WebhookSignature.header(due.secret(),
                        clock.instant().getEpochSecond(), due.payload()));
        if (url.getRawUserInfo() != null) {
            options.putHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    URLDecoder.decode(url.getRawUserInfo(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        }
        return client.request(options)
                .chain(request -> request.send(due.payload())
                        .chain(response -> response.end().replaceWith(response.statusCode()))
                        .onCancellation().invoke(() -> request.reset()))
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException());
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** Why an attempt got no HTTP status, without the URL (it may carry credentials). */
    private String describe(Throwable e) {
        String reason;
        if (e instanceof TimeoutException) {
            reason = "No response within " + timeout.toMillis() + " ms";
        } else if (e instanceof WebhookTargets.RefusedTarget) {
            reason = e.getMessage();
        } else {
            reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
