package io.funnel.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every object of a rendered overlay, each parsed into its typed model: fabric8 for Kubernetes kinds, Strimzi's api
 * classes for Kafka resources, {@link GenericKubernetesResource} for the other operators' kinds (CloudNativePG,
 * cert-manager), which publish no Java model.
 */
record Rendered(List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String STRIMZI_GROUP = "kafka.strimzi.io";
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI_KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);
    private static final Set<String> UNTYPED_GROUPS = Set.of("postgresql.cnpg.io", "cert-manager.io");

    static Rendered parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(typed(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(List.copyOf(objects));
    }

    private static HasMetadata typed(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String json = document.toString();
        if (STRIMZI_GROUP.equals(group)) {
            Class<? extends HasMetadata> type = STRIMZI_KINDS.get(kind);
            if (type == null) {
                throw new IllegalStateException("no Strimzi model class registered for " + kind);
            }
            return SERIALIZATION.unmarshal(json, type);
        }
        if (UNTYPED_GROUPS.contains(group)) {
            return SERIALIZATION.unmarshal(json, GenericKubernetesResource.class);
        }
        HasMetadata object = SERIALIZATION.unmarshal(json);
        if (object instanceof GenericKubernetesResource) {
            throw new IllegalStateException("no typed fabric8 model for " + apiVersion + " " + kind);
        }
        return object;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(object -> name.equals(object.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                "no " + type.getSimpleName() + " named " + name + " in the rendered overlay"));
    }

    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(object -> kind.equals(object.getKind())).toList();
    }

    Deployment deployment(FunnelService service) {
        return get(Deployment.class, service.serviceName());
    }

    Kafka kafka() {
        List<Kafka> clusters = all(Kafka.class);
        if (clusters.size() != 1) {
            throw new AssertionError("expected exactly one Kafka cluster, found " + clusters.size());
        }
        return clusters.get(0);
    }
}
