package io.funnel.events.contract;

import io.funnel.events.Topics;
import java.util.Map;

/**
 * The service that publishes each topic (its CloudEvents source is {@code /<service>}). Services publish through the
 * outbox, which names each record's topic, so this is declared here rather than found in configuration.
 */
public final class TopicProducers {

    private static final Map<String, String> BY_TOPIC = Map.of(
            Topics.ACTIVITIES, "lead-capture-service",
            Topics.LEADS, "lead-capture-service",
            Topics.MARKETING, "lead-capture-service",
            Topics.QUALIFICATION, "qualification-service",
            Topics.PIPELINE, "sales-pipeline-service",
            Topics.AGREEMENTS, "reporting-service");

    private TopicProducers() {
    }

    /** The producing service's name, also its {@code quarkus.application.name}. */
    public static String of(String topic) {
        String service = BY_TOPIC.get(topic);
        if (service == null) {
            throw new IllegalArgumentException("No producer declared for topic " + topic);
        }
        return service;
    }

    /** The {@code ce_source} of the topic's events. */
    public static String sourceOf(String topic) {
        return "/" + of(topic);
    }
}
