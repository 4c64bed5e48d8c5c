package io.funnel.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;

/** Label matching as the API server does it, for the selectors these manifests use (matchLabels only). */
final class Selectors {

    private Selectors() {
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not used in these manifests: " + selector);
        }
        return matches(selector.getMatchLabels(), labels);
    }

    /** An empty selector matches everything, as in Kubernetes. */
    static boolean matches(Map<String, String> matchLabels, Map<String, String> labels) {
        Map<String, String> required = matchLabels == null ? Map.of() : matchLabels;
        return required.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }
}
