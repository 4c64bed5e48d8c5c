package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ingress isolation: nothing is reachable unless allowed; only capture from the ingress controller; each database
 * only from its own service (plus its replicas and the CloudNativePG operator); Kafka only from the services.
 */
class NetworkPolicyTest {

    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String CNPG_OPERATOR_NAMESPACE = "cnpg-system";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void deniesAllIngressByDefault(String overlay) {
        assertThat(Kustomize.overlay(overlay).all(NetworkPolicy.class)).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void onlyCaptureIsReachableFromTheIngressController(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<NetworkPolicyPeer> peers = peersAdmittedTo(rendered, Selectors.podLabels(rendered.deployment(service)));

        assertThat(peers).as("peers of %s", service).isNotEmpty().allSatisfy(NetworkPolicyTest::assertNarrow);
        boolean fromIngress = peers.stream().anyMatch(peer -> isNamespace(peer, INGRESS_NAMESPACE));
        assertThat(fromIngress).as("%s reachable from %s", service, INGRESS_NAMESPACE).isEqualTo(service.isPublic());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void eachDatabaseIsReachableOnlyFromItsOwnService(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        Map<String, String> databasePods = databasePodLabels(rendered, service);
        List<NetworkPolicyPeer> peers = peersAdmittedTo(rendered, databasePods);

        assertThat(peers).isNotEmpty().allSatisfy(NetworkPolicyTest::assertNarrow);
        for (FunnelService other : FunnelService.values()) {
            boolean admitted = peers.stream().anyMatch(peer -> admitsPodOfThisNamespace(peer,
                    Selectors.podLabels(rendered.deployment(other))));
            assertThat(admitted).as("database of %s reachable from %s", service, other).isEqualTo(other == service);
        }
        assertThat(peers).as("namespaces admitted to the database of %s: only the operator's", service)
                .noneMatch(peer -> peer.getNamespaceSelector() != null && !isNamespace(peer, CNPG_OPERATOR_NAMESPACE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void kafkaListenersAdmitTheServices(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);

        for (GenericKafkaListener listener : rendered.kafka().getSpec().getKafka().getListeners()) {
            List<NetworkPolicyPeer> peers = listener.getNetworkPolicyPeers();
            assertThat(peers).as("networkPolicyPeers of listener %s", listener.getName()).isNotEmpty()
                    .allSatisfy(NetworkPolicyTest::assertNarrow);
            for (FunnelService service : FunnelService.values()) {
                assertThat(peers).as("%s admitted by listener %s", service, listener.getName()).anyMatch(peer ->
                        admitsPodOfThisNamespace(peer, Selectors.podLabels(rendered.deployment(service))));
            }
        }
    }

    /** The union of the ingress peers of all policies selecting pods with these labels (policies are additive). */
    private static List<NetworkPolicyPeer> peersAdmittedTo(Rendered rendered, Map<String, String> podLabels) {
        return rendered.all(NetworkPolicy.class).stream()
                .filter(policy -> Selectors.matches(policy.getSpec().getPodSelector(), podLabels))
                .flatMap(policy -> {
                    List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
                    return rules == null ? java.util.stream.Stream.empty() : rules.stream();
                })
                .flatMap(rule -> {
                    assertThat(rule.getFrom()).as("a rule without `from` admits everyone").isNotEmpty();
                    assertThat(rule.getPorts()).as("a rule without ports admits every port").isNotEmpty();
                    return rule.getFrom().stream();
                })
                .toList();
    }

    /** CloudNativePG puts the cluster's inheritedMetadata labels and cnpg.io/cluster on every instance pod. */
    private static Map<String, String> databasePodLabels(Rendered rendered, FunnelService service) {
        GenericKubernetesResource cluster = rendered.generic("Cluster").stream()
                .filter(candidate -> service.databaseCluster().equals(candidate.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CloudNativePG Cluster " + service.databaseCluster()));
        Map<String, String> labels = new HashMap<>();
        Map<String, String> inherited = cluster.get("spec", "inheritedMetadata", "labels");
        if (inherited != null) {
            labels.putAll(inherited);
        }
        labels.put("cnpg.io/cluster", cluster.getMetadata().getName());
        return labels;
    }

    private static boolean admitsPodOfThisNamespace(NetworkPolicyPeer peer, Map<String, String> podLabels) {
        return peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                && Selectors.matches(peer.getPodSelector(), podLabels);
    }

    private static boolean isNamespace(NetworkPolicyPeer peer, String namespace) {
        return peer.getNamespaceSelector() != null && namespace.equals(
                peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
    }

    /** No peer may admit every pod or every namespace or any address. */
    private static void assertNarrow(NetworkPolicyPeer peer) {
        assertThat(peer.getIpBlock()).as("ipBlock peer").isNull();
        if (peer.getNamespaceSelector() != null) {
            assertThat(peer.getNamespaceSelector().getMatchLabels()).as("namespaceSelector {} admits all namespaces")
                    .containsKey("kubernetes.io/metadata.name");
        } else {
            assertThat(peer.getPodSelector()).isNotNull();
            assertThat(peer.getPodSelector().getMatchLabels()).as("podSelector {} admits every pod").isNotEmpty();
        }
    }
}
