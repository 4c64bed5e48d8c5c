package io.funnel.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Secrets an overlay provides, by name with their keys: the ones it contains, and the ones the operators write
 * for resources it contains (documented naming conventions of Strimzi, CloudNativePG and cert-manager).
 */
final class ProducedSecrets {

    private ProducedSecrets() {
    }

    static Map<String, Set<String>> of(Rendered rendered) {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Secret secret : rendered.all(Secret.class)) {
            Set<String> keys = new HashSet<>();
            if (secret.getData() != null) {
                keys.addAll(secret.getData().keySet());
            }
            if (secret.getStringData() != null) {
                keys.addAll(secret.getStringData().keySet());
            }
            add(secrets, secret.getMetadata().getName(), keys);
        }
        for (Kafka kafka : rendered.all(Kafka.class)) {
            add(secrets, kafka.getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (KafkaUser user : rendered.all(KafkaUser.class)) {
            if (user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication) {
                add(secrets, user.getMetadata().getName(), Set.of("password", "sasl.jaas.config"));
            }
        }
        for (GenericKubernetesResource cluster : rendered.generic("Cluster")) {
            // Without bootstrap.initdb.secret CloudNativePG generates the owner's credentials as <cluster>-app.
            Object ownSecret = cluster.get("spec", "bootstrap", "initdb", "secret");
            if (ownSecret == null) {
                add(secrets, cluster.getMetadata().getName() + "-app", Set.of("username", "password", "host", "port",
                        "dbname", "uri", "jdbc-uri", "pgpass"));
            }
        }
        for (GenericKubernetesResource certificate : rendered.generic("Certificate")) {
            add(secrets, certificate.get("spec", "secretName"), Set.of("tls.crt", "tls.key", "ca.crt"));
        }
        return secrets;
    }

    private static void add(Map<String, Set<String>> secrets, String name, Set<String> keys) {
        if (secrets.putIfAbsent(name, keys) != null) {
            throw new AssertionError("two sources for Secret " + name);
        }
    }
}
