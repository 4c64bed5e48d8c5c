package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's Deployment, Service and PodDisruptionBudget, in both overlays. */
class ServiceWorkloadTest {

    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void probesTheThreeQuarkusHealthEndpoints(String overlay, FunnelService service) {
        Container app = app(Kustomize.overlay(overlay).deployment(service));

        assertHttpProbe(app.getStartupProbe(), "/q/health/started");
        assertHttpProbe(app.getLivenessProbe(), "/q/health/live");
        assertHttpProbe(app.getReadinessProbe(), "/q/health/ready");
        assertThat(app.getPorts()).anySatisfy(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void requestsAndLimitsCpuAndMemory(String overlay, FunnelService service) {
        var resources = app(Kustomize.overlay(overlay).deployment(service)).getResources();

        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            assertThat(request).as("%s request", resource).isNotNull();
            assertThat(limit).as("%s limit", resource).isNotNull();
            assertThat(limit.getNumericalAmount()).as("%s limit >= request", resource)
                    .isGreaterThanOrEqualTo(request.getNumericalAmount());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void isScrapedByPrometheusOnQuarkusMetrics(String overlay, FunnelService service) {
        var annotations = Kustomize.overlay(overlay).deployment(service).getSpec().getTemplate().getMetadata()
                .getAnnotations();

        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8080")
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void runsTheSmallSerialCollectorHeapTheImageLauncherAgreesWith(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        Map<String, String> environment = environment(rendered, app(rendered.deployment(service)));

        assertThat(environment.get("JAVA_TOOL_OPTIONS")).contains("-Xmx160m", "-XX:+UseSerialGC",
                "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError");
        // Otherwise run-java.sh adds the parallel collector and the JVM refuses two.
        assertThat(environment).containsEntry("GC_CONTAINER_OPTIONS", "-XX:+UseSerialGC")
                .containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void getsPortKafkaAndDatabaseFromItsEnvironment(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        Map<String, String> environment = environment(rendered, app(rendered.deployment(service)));

        assertThat(environment).containsEntry("QUARKUS_HTTP_PORT", "8080").containsKeys(
                "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_JAAS_CONFIG");
        assertThat(environment.get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://");
        assertThat(environment.get("QUARKUS_DATASOURCE_REACTIVE_URL")).startsWith("postgresql://");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void refersOnlyToVariablesDefinedBefore(String overlay, FunnelService service) {
        List<EnvVar> env = app(Kustomize.overlay(overlay).deployment(service)).getEnv();

        for (int i = 0; i < env.size(); i++) {
            var defined = env.subList(0, i).stream().map(EnvVar::getName).toList();
            String value = env.get(i).getValue() == null ? "" : env.get(i).getValue();
            Matcher reference = VARIABLE_REFERENCE.matcher(value);
            while (reference.find()) {
                assertThat(defined).as("$(%s) in %s", reference.group(1), env.get(i).getName())
                        .contains(reference.group(1));
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void hasAServiceSelectingOnlyItsPods(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        Service kubernetesService = rendered.get(Service.class, service.serviceName());

        assertOnlyOwnPodsSelected(rendered, service, kubernetesService.getSpec().getSelector());
        assertThat(kubernetesService.getSpec().getPorts())
                .anySatisfy(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void hasAPodDisruptionBudgetCoveringOnlyItsPods(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        PodDisruptionBudget budget = rendered.get(PodDisruptionBudget.class, service.serviceName());

        assertThat(budget.getSpec().getSelector().getMatchExpressions()).isNullOrEmpty();
        assertOnlyOwnPodsSelected(rendered, service, budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable() != null || budget.getSpec().getMinAvailable() != null)
                .as("maxUnavailable or minAvailable").isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void runsTheImageOfTheProjectVersion(String overlay, FunnelService service) {
        String version = System.getProperty("funnel.version");
        assertThat(version).as("system property funnel.version (set by the pom)").isNotBlank();

        // An overlay may put a registry in front (images: newName), never another name or tag.
        assertThat(app(Kustomize.overlay(overlay).deployment(service)).getImage())
                .matches("([^/:]+(:[0-9]+)?/)?funnel/" + service.serviceName() + ":" + Pattern.quote(version));
    }

    static Container app(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as("containers of %s", deployment.getMetadata().getName()).hasSize(1);
        return containers.get(0);
    }

    /** Variable names and values (null when from a Secret) as the kubelet assembles them: envFrom, then env. */
    private static Map<String, String> environment(Rendered rendered, Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                rendered.get(ConfigMap.class, source.getConfigMapRef().getName()).getData().forEach(environment::put);
            }
        }
        container.getEnv().forEach(variable -> environment.put(variable.getName(), variable.getValue()));
        return environment;
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static void assertOnlyOwnPodsSelected(Rendered rendered, FunnelService service, Map<String, String> selector) {
        assertThat(selector).as("selector").isNotEmpty();
        for (FunnelService other : FunnelService.values()) {
            boolean selected = Selectors.matches(selector, Selectors.podLabels(rendered.deployment(other)));
            assertThat(selected).as("%s selects the pods of %s", service, other).isEqualTo(other == service);
        }
    }
}
