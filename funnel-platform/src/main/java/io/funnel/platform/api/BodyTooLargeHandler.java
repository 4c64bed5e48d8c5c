package io.funnel.platform.api;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over {@code funnel.http.max-body-bytes} with a problem+json 413 before it is read.
 * The HTTP layer's own hard limit ({@code quarkus.http.limits.max-body-size}, set higher) still stops bodies sent
 * without a length, but answers those without a body.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    private final long maxBytes;

    public BodyTooLargeHandler(@ConfigProperty(name = "funnel.http.max-body-bytes", defaultValue = "65536") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length == null || !isOver(length)) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(Map.of("type", "about:blank", "title", "Content Too Large", "status", 413,
                            "detail", "Request body of " + length + " bytes is over the " + maxBytes + " byte limit")));
        });
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
