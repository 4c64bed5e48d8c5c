package io.funnel.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgChannel;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Commits that wrote outbox rows, as PostgreSQL notifies them (a statement trigger on {@code outbox_event}, delivered
 * at commit). Listening takes a connection of its own, outside the pool, which is reconnected every second while the
 * database is away (a first connection that fails is tried again with back-off); every (re)subscription also counts,
 * since commits made before it were not heard.
 */
@ApplicationScoped
public class OutboxCommits {

    static final String CHANNEL = "outbox_event";
    private static final Logger LOG = Logger.getLogger(OutboxCommits.class);
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

    private final PgSubscriber subscriber;
    private volatile Cancellable connecting;

    public OutboxCommits(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user);
        password.ifPresent(options::setPassword);
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT.toMillis());
    }

    /** An item per commit heard (or subscription made); starts listening when subscribed to. */
    Multi<String> heard() {
        return Multi.createFrom().emitter(emitter -> {
            PgChannel channel = subscriber.channel(CHANNEL);
            channel.subscribeHandler(() -> emitter.emit("subscribed"));
            channel.handler(emitter::emit);
            connecting = subscriber.connect()
                    .onFailure().invoke(e -> LOG.warnf("Not listening for outbox commits yet (%s); the relay polls",
                            e.getMessage()))
                    .onFailure().retry().withBackOff(RECONNECT, MAX_BACK_OFF).indefinitely()
                    .subscribe().with(connected -> { });
        });
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (connecting != null) {
            connecting.cancel();
        }
        subscriber.closeAndForget();
    }
}
