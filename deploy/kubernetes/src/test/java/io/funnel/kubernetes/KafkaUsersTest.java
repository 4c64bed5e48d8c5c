package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.Topics;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One Kafka principal per service, allowed exactly what the service does and nothing more. */
class KafkaUsersTest {

    /** One granted permission, flattened from Strimzi's ACL rules. */
    private record Grant(String resourceType, String name, AclOperation operation) {
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void authenticatesWithScramAndIsAuthorizedByAcls(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        KafkaUser user = rendered.get(KafkaUser.class, service.serviceName());

        assertThat(user.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", rendered.kafka().getMetadata().getName());
        assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
        assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void mayWriteItsTopicsAndDeadLettersAndReadWhatItConsumesInItsGroup(String overlay, FunnelService service) {
        KafkaUser user = Kustomize.overlay(overlay).get(KafkaUser.class, service.serviceName());

        Set<Grant> expected = new HashSet<>();
        service.produces().forEach(topic -> expected.addAll(topicGrants(topic, AclOperation.WRITE)));
        service.deadLetterTopics().forEach(topic -> expected.addAll(topicGrants(topic, AclOperation.WRITE)));
        service.consumes().forEach(topic -> expected.addAll(topicGrants(topic, AclOperation.READ)));
        expected.add(new Grant("group", service.applicationName(), AclOperation.READ));

        assertThat(grants(user)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void thereIsNoOtherKafkaUser(String overlay) {
        Set<String> users = Kustomize.overlay(overlay).all(KafkaUser.class).stream()
                .map(user -> user.getMetadata().getName())
                .collect(Collectors.toSet());

        assertThat(users).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(FunnelService.values()).map(FunnelService::serviceName).toList());
    }

    @ParameterizedTest
    @EnumSource(FunnelService.class)
    void consumerGroupIsTheServiceNameAndEveryConsumedTopicHasItsDeadLetterTopic(FunnelService service) {
        assertThat(service.applicationName()).isEqualTo(service.serviceName());
        assertThat(service.deadLetterTopics()).containsExactlyInAnyOrderElementsOf(
                service.consumes().stream().map(Topics::deadLetter).toList());
        assertThat(Topics.ALL).containsAll(service.consumes());
    }

    @Test
    void everyTopicHasExactlyOneProducingService() {
        List<String> produced = Arrays.stream(FunnelService.values())
                .flatMap(service -> service.produces().stream())
                .toList();

        assertThat(produced).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    private static List<Grant> topicGrants(String topic, AclOperation operation) {
        return List.of(new Grant("topic", topic, operation), new Grant("topic", topic, AclOperation.DESCRIBE));
    }

    private static List<Grant> grants(KafkaUser user) {
        var authorization = (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        return authorization.getAcls().stream().flatMap(rule -> {
            assertThat(rule.getOperation()).as("deprecated single operation field").isNull();
            return rule.getOperations().stream().map(operation -> grant(rule, operation));
        }).toList();
    }

    private static Grant grant(AclRule rule, AclOperation operation) {
        if (rule.getResource() instanceof AclRuleTopicResource topic) {
            assertThat(topic.getPatternType()).as("pattern of %s", topic.getName())
                    .isEqualTo(AclResourcePatternType.LITERAL);
            return new Grant("topic", topic.getName(), operation);
        }
        if (rule.getResource() instanceof AclRuleGroupResource group) {
            assertThat(group.getPatternType()).as("pattern of %s", group.getName())
                    .isEqualTo(AclResourcePatternType.LITERAL);
            return new Grant("group", group.getName(), operation);
        }
        throw new AssertionError("unexpected ACL resource " + rule.getResource());
    }
}
