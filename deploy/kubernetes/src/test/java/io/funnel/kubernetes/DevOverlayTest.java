package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Development: the smallest footprint that still runs the whole system on one node. */
class DevOverlayTest {

    private static Rendered dev() {
        return Kustomize.overlay(Overlays.DEV);
    }

    @Test
    void runsOneSmallReplicaOfEachServiceWithoutAutoscaling() {
        for (FunnelService service : FunnelService.values()) {
            Deployment deployment = dev().deployment(service);
            assertThat(deployment.getSpec().getReplicas()).as("%s replicas", service).isEqualTo(1);
            var memory = ServiceWorkloadTest.app(deployment).getResources().getLimits().get("memory");
            assertThat(memory.getNumericalAmount()).as("%s memory limit", service)
                    .isLessThanOrEqualTo(new java.math.BigDecimal(512L * 1024 * 1024));
        }
        assertThat(dev().all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev().all(Ingress.class)).isEmpty();
    }

    @Test
    void runsOneKafkaNodeAndOneDatabaseInstancePerService() {
        List<KafkaNodePool> pools = dev().all(KafkaNodePool.class);
        assertThat(pools).hasSize(1);
        assertThat(pools.get(0).getSpec().getReplicas()).isEqualTo(1);
        assertThat(pools.get(0).getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(dev().kafka().getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 1);
        List<GenericKubernetesResource> clusters = dev().generic("Cluster");
        assertThat(clusters).hasSize(FunnelService.values().length);
        for (GenericKubernetesResource cluster : clusters) {
            Number instances = cluster.get("spec", "instances");
            assertThat(instances.intValue()).isEqualTo(1);
        }
    }
}
