package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Strimzi Kafka cluster: KRaft with node pools, and the listener the services are configured for. */
class KafkaClusterTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void runsInKraftModeOnNodePoolsWithControllersAndBrokers(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        Kafka kafka = rendered.kafka();

        assertThat(kafka.getSpec().getZookeeper()).isNull();
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(rendered.all(KafkaNodePool.class)).isNotEmpty().allSatisfy(pool -> assertThat(
                pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        Set<ProcessRoles> roles = rendered.all(KafkaNodePool.class).stream()
                .flatMap(pool -> pool.getSpec().getRoles().stream())
                .collect(Collectors.toSet());
        assertThat(roles).contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).isNotNull();
        assertThat(kafka.getSpec().getEntityOperator().getUserOperator()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void servicesConnectToAnAuthenticatedTlsListener(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        Kafka kafka = rendered.kafka();
        Map<String, String> client = kafkaClientConfig(rendered);
        String bootstrap = client.get("KAFKA_BOOTSTRAP_SERVERS");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));

        assertThat(bootstrap).isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + port);
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().stream()
                .filter(candidate -> candidate.getPort() == port)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no listener on " + port));
        assertThat(listener.isTls()).isTrue();
        assertThat(listener.getAuth()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
        assertThat(client)
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        assertThat(kafka.getSpec().getKafka().getListeners())
                .allSatisfy(any -> assertThat(any.getAuth()).as("listener %s authenticates", any.getName()).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void authorizesByAclsAndNeverCreatesTopicsOnTheFly(String overlay) {
        Kafka kafka = Kustomize.overlay(overlay).kafka();

        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false);
    }

    static Map<String, String> kafkaClientConfig(Rendered rendered) {
        return rendered.all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().startsWith("funnel-kafka-client"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no funnel-kafka-client ConfigMap"))
                .getData();
    }
}
