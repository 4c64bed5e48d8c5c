package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.Topics;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A KafkaTopic for every topic of the vocabulary and its dead-letter twin, and nothing else. */
class KafkaTopicsTest {

    /** Partitions bound the consumers' replicas (one consumer per partition and group); see the HPAs. */
    static final int PARTITIONS = 3;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void declaresExactlyTheVocabularyAndItsDeadLetters(String overlay) {
        List<String> expected = Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .toList();

        assertThat(topics(Kustomize.overlay(overlay)).keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void everyTopicHasThePartitionsAndAReplicationTheBrokersCanHold(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        int brokers = brokers(rendered);
        String cluster = rendered.kafka().getMetadata().getName();

        topics(rendered).forEach((name, topic) -> {
            assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", cluster);
            assertThat(topic.getSpec().getPartitions()).as("partitions of %s", name).isEqualTo(PARTITIONS);
            assertThat(topic.getSpec().getReplicas()).as("replicas of %s", name)
                    .isEqualTo(Math.min(3, brokers));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void agreementsAreCompactedAndEverythingElseExpires(String overlay) {
        topics(Kustomize.overlay(overlay)).forEach((name, topic) -> {
            Map<String, Object> config = topic.getSpec().getConfig();
            if (Topics.isCompacted(name)) {
                assertThat(config).as(name).containsEntry("cleanup.policy", "compact");
            } else {
                assertThat(config).as(name).containsEntry("cleanup.policy", "delete");
                assertThat(Long.parseLong(String.valueOf(config.get("retention.ms")))).as("retention.ms of %s", name)
                        .isPositive();
            }
        });
    }

    static Map<String, KafkaTopic> topics(Rendered rendered) {
        return rendered.all(KafkaTopic.class).stream().collect(Collectors.toMap(KafkaTopicsTest::topicName,
                Function.identity()));
    }

    static int brokers(Rendered rendered) {
        return rendered.all(KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas())
                .sum();
    }

    private static String topicName(KafkaTopic topic) {
        String name = topic.getSpec().getTopicName();
        return name != null ? name : topic.getMetadata().getName();
    }
}
