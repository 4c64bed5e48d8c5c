package io.funnel.kubernetes;

import io.funnel.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The four services as the deployment must know them. What a service publishes is not configuration (the outbox
 * names each record's topic), so it is declared here; what it consumes, and where its dead letters go, is read from
 * the service's own application.properties, so a new consumer fails these tests until the manifests follow.
 */
enum FunnelService {

    CAPTURE("lead-capture-service", List.of(Topics.ACTIVITIES, Topics.LEADS, Topics.MARKETING)),
    QUALIFICATION("qualification-service", List.of(Topics.QUALIFICATION)),
    PIPELINE("sales-pipeline-service", List.of(Topics.PIPELINE)),
    REPORTING("reporting-service", List.of(Topics.AGREEMENTS));

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    private static final Pattern INCOMING_DLQ =
            Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");

    private final String serviceName;
    private final List<String> produces;

    FunnelService(String serviceName, List<String> produces) {
        this.serviceName = serviceName;
        this.produces = produces;
    }

    /** The module directory, the Deployment, Service, KafkaUser and consumer group name. */
    String serviceName() {
        return serviceName;
    }

    List<String> produces() {
        return produces;
    }

    List<String> consumes() {
        return values(INCOMING_TOPIC);
    }

    List<String> deadLetterTopics() {
        return values(INCOMING_DLQ);
    }

    /** quarkus.application.name: SmallRye Kafka's default group.id. */
    String applicationName() {
        return properties().getProperty("quarkus.application.name");
    }

    boolean isPublic() {
        return this == CAPTURE;
    }

    String databaseCluster() {
        return serviceName + "-db";
    }

    private List<String> values(Pattern key) {
        Properties properties = properties();
        return properties.stringPropertyNames().stream()
                .filter(name -> key.matcher(name).matches())
                .map(properties::getProperty)
                .sorted()
                .toList();
    }

    private Properties properties() {
        var file = Kustomize.repositoryFile(serviceName + "/src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }
}
