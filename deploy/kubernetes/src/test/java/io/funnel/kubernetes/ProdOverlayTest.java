package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Production: redundancy everywhere, autoscaling within the partitions, the public form endpoints behind TLS. */
class ProdOverlayTest {

    private static Rendered prod() {
        return Kustomize.overlay(Overlays.PROD);
    }

    @ParameterizedTest
    @EnumSource(FunnelService.class)
    void runsMoreThanOneReplicaSpreadOverNodes(FunnelService service) {
        Deployment deployment = prod().deployment(service);

        assertThat(deployment.getSpec().getReplicas()).isGreaterThan(1);
        var antiAffinity = deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();
        List<PodAffinityTerm> terms = new ArrayList<>();
        if (antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
            terms.addAll(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution());
        }
        if (antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
            antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution().stream()
                    .map(WeightedPodAffinityTerm::getPodAffinityTerm)
                    .forEach(terms::add);
        }
        assertThat(terms).anySatisfy(term -> {
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(Selectors.matches(term.getLabelSelector(), Selectors.podLabels(deployment))).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(FunnelService.class)
    void autoscalesFromTwoReplicasAndConsumersNoFurtherThanThePartitions(FunnelService service) {
        HorizontalPodAutoscaler autoscaler = prod().get(HorizontalPodAutoscaler.class, service.serviceName());

        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service.serviceName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThan(1);
        assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(autoscaler.getSpec().getMinReplicas());
        if (!service.consumes().isEmpty()) {
            assertThat(autoscaler.getSpec().getMaxReplicas()).as("consumer replicas beyond %d partitions sit idle",
                    KafkaTopicsTest.PARTITIONS).isLessThanOrEqualTo(KafkaTopicsTest.PARTITIONS);
        }
    }

    @Test
    void exposesOnlyTheFormAndActivityEndpointsOfCaptureOverTls() {
        List<Ingress> ingresses = prod().all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        Ingress ingress = ingresses.get(0);
        List<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(tls -> tls.getHosts().stream()).toList();
        Service capture = prod().get(Service.class, FunnelService.CAPTURE.serviceName());

        List<String> paths = new ArrayList<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertThat(tlsHosts).as("TLS for host %s", rule.getHost()).contains(rule.getHost());
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                paths.add(path.getPath());
                assertThat(path.getBackend().getService().getName()).isEqualTo(capture.getMetadata().getName());
                assertThat(capture.getSpec().getPorts()).anyMatch(port ->
                        port.getName().equals(path.getBackend().getService().getPort().getName()));
            }
        }
        assertThat(paths).containsExactlyInAnyOrder("/forms", "/api/activities");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/ssl-redirect", "true");
    }

    /** Capture rate-limits form posts per client address; behind the Ingress that address is in X-Forwarded-For. */
    @Test
    void captureTakesTheClientAddressFromTheIngressHeaders() {
        var config = prod().get(ConfigMap.class, FunnelService.CAPTURE.serviceName() + "-config").getData();

        assertThat(config)
                .containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
    }

    @Test
    void databasesAndKafkaSurviveTheLossOfANode() {
        for (GenericKubernetesResource cluster : prod().generic("Cluster")) {
            Number instances = cluster.get("spec", "instances");
            assertThat(instances.intValue()).as("instances of %s", cluster.getMetadata().getName()).isGreaterThan(1);
        }
        assertThat(KafkaTopicsTest.brokers(prod())).isGreaterThanOrEqualTo(3);
        int controllers = prod().all(KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(pool -> pool.getSpec().getReplicas())
                .sum();
        assertThat(controllers).as("KRaft quorum").isGreaterThanOrEqualTo(3).isOdd();
        assertThat(prod().kafka().getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 2);
    }
}
