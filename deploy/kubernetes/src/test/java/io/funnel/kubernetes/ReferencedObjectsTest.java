package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Secret and ConfigMap the workloads name exists in the overlay or is written by an operator it configures. */
class ReferencedObjectsTest {

    /** A reference: which object, which key (null for the whole object), and who refers to it. */
    private record Reference(String name, String key, String from) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void everyReferencedSecretAndKeyIsProvided(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        Map<String, Set<String>> provided = ProducedSecrets.of(rendered);

        List<Reference> references = secretReferences(rendered);
        assertThat(references).isNotEmpty();
        for (Reference reference : references) {
            assertThat(provided).as("Secret %s referenced by %s", reference.name(), reference.from())
                    .containsKey(reference.name());
            if (reference.key() != null) {
                assertThat(provided.get(reference.name()))
                        .as("key %s of Secret %s referenced by %s", reference.key(), reference.name(), reference.from())
                        .contains(reference.key());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void everyReferencedConfigMapAndKeyExists(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        Map<String, Set<String>> configMaps = rendered.all(ConfigMap.class).stream().collect(Collectors.toMap(
                map -> map.getMetadata().getName(), map -> map.getData() == null ? Set.of() : map.getData().keySet()));

        List<Reference> references = configMapReferences(rendered);
        assertThat(references).isNotEmpty();
        for (Reference reference : references) {
            assertThat(configMaps).as("ConfigMap %s referenced by %s", reference.name(), reference.from())
                    .containsKey(reference.name());
            if (reference.key() != null) {
                assertThat(configMaps.get(reference.name())).as("key %s of ConfigMap %s", reference.key(),
                        reference.name()).contains(reference.key());
            }
        }
    }

    /** Operators write their Secrets next to their resources, so everything must share one namespace. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void everythingLivesInTheOverlaysNamespace(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<Namespace> namespaces = rendered.all(Namespace.class);
        assertThat(namespaces).hasSize(1);
        String namespace = namespaces.get(0).getMetadata().getName();

        for (HasMetadata object : rendered.objects()) {
            if (!(object instanceof Namespace)) {
                assertThat(object.getMetadata().getNamespace())
                        .as("namespace of %s %s", object.getKind(), object.getMetadata().getName()).isEqualTo(namespace);
            }
        }
    }

    private static List<Reference> secretReferences(Rendered rendered) {
        List<Reference> references = new ArrayList<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String from = "Deployment " + deployment.getMetadata().getName();
            for (Container container : containers(pod)) {
                for (EnvFromSource source : list(container.getEnvFrom())) {
                    if (source.getSecretRef() != null) {
                        references.add(new Reference(source.getSecretRef().getName(), null, from));
                    }
                }
                for (EnvVar variable : list(container.getEnv())) {
                    // An optional reference names a Secret ops create by hand (AuthenticationConfigTest pins it).
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null
                            && !Boolean.TRUE.equals(variable.getValueFrom().getSecretKeyRef().getOptional())) {
                        var ref = variable.getValueFrom().getSecretKeyRef();
                        references.add(new Reference(ref.getName(), ref.getKey(), from + " env " + variable.getName()));
                    }
                }
            }
            for (Volume volume : list(pod.getVolumes())) {
                if (volume.getSecret() != null) {
                    String name = volume.getSecret().getSecretName();
                    references.add(new Reference(name, null, from + " volume " + volume.getName()));
                    list(volume.getSecret().getItems()).forEach(item ->
                            references.add(new Reference(name, item.getKey(), from + " volume " + volume.getName())));
                }
            }
        }
        for (Ingress ingress : rendered.all(Ingress.class)) {
            for (IngressTLS tls : list(ingress.getSpec().getTls())) {
                references.add(new Reference(tls.getSecretName(), null, "Ingress " + ingress.getMetadata().getName()));
            }
        }
        return references;
    }

    private static List<Reference> configMapReferences(Rendered rendered) {
        List<Reference> references = new ArrayList<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String from = "Deployment " + deployment.getMetadata().getName();
            for (Container container : containers(pod)) {
                for (EnvFromSource source : list(container.getEnvFrom())) {
                    if (source.getConfigMapRef() != null) {
                        references.add(new Reference(source.getConfigMapRef().getName(), null, from));
                    }
                }
                for (EnvVar variable : list(container.getEnv())) {
                    if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = variable.getValueFrom().getConfigMapKeyRef();
                        references.add(new Reference(ref.getName(), ref.getKey(), from + " env " + variable.getName()));
                    }
                }
            }
            for (Volume volume : list(pod.getVolumes())) {
                if (volume.getConfigMap() != null) {
                    references.add(new Reference(volume.getConfigMap().getName(), null, from));
                }
            }
        }
        return references;
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> containers = new ArrayList<>(list(pod.getInitContainers()));
        containers.addAll(list(pod.getContainers()));
        return containers;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
