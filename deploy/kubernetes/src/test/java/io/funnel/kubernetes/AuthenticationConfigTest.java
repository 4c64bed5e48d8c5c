package io.funnel.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service verifies bearer tokens of the identity provider ops configure in one ConfigMap; capture's API keys
 * come from a Secret ops create, never from the manifests.
 */
class AuthenticationConfigTest {

    private static final String AUTH_CONFIG_MAP = "funnel-auth";
    private static final String ISSUER = "MP_JWT_VERIFY_ISSUER";
    private static final String KEYS_LOCATION = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";
    private static final String API_KEYS = "FUNNEL_CAPTURE_API_KEYS";
    private static final String API_KEYS_SECRET = "funnel-capture-api-keys";

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void verifiesTokensWithTheSharedIdentityProviderConfigMap(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        Container app = ServiceWorkloadTest.app(rendered.deployment(service));

        List<ConfigMap> settingTheIssuer = configMapSources(rendered, app).stream()
                .filter(map -> data(map).containsKey(ISSUER) || data(map).containsKey(KEYS_LOCATION))
                .toList();
        assertThat(settingTheIssuer).singleElement().satisfies(map -> {
            assertThat(map.getMetadata().getName()).startsWith(AUTH_CONFIG_MAP);
            assertThat(data(map)).containsKeys(ISSUER, KEYS_LOCATION);
        });
        assertThat(app.getEnv()).extracting(EnvVar::getName).as("token settings bypassing the ConfigMap")
                .noneMatch(name -> name.startsWith("MP_JWT_") || name.startsWith("SMALLRYE_JWT_"));
    }

    /** The local development issuer's private key is in the repository: a cluster must trust a real provider. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void theIdentityProviderIsReachedOverHttpsAndIsNotTheDevelopmentIssuer(String overlay) {
        List<ConfigMap> identityProviders = Kustomize.overlay(overlay).all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().startsWith(AUTH_CONFIG_MAP))
                .toList();

        assertThat(identityProviders).singleElement().satisfies(map -> {
            assertThat(data(map).get(ISSUER)).startsWith("https://").doesNotContain("funnel.local");
            assertThat(data(map).get(KEYS_LOCATION)).startsWith("https://").doesNotContain("funnel.local");
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.funnel.kubernetes.Overlays#withServices")
    void onlyCaptureTakesApiKeysAndOnlyFromTheirSecret(String overlay, FunnelService service) {
        Rendered rendered = Kustomize.overlay(overlay);
        Container app = ServiceWorkloadTest.app(rendered.deployment(service));

        List<EnvVar> apiKeys = app.getEnv().stream().filter(variable -> variable.getName().equals(API_KEYS)).toList();
        if (service == FunnelService.CAPTURE) {
            assertThat(apiKeys).singleElement().satisfies(variable -> {
                assertThat(variable.getValue()).as("literal value").isNull();
                assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(API_KEYS_SECRET);
                assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-keys");
            });
        } else {
            assertThat(apiKeys).isEmpty();
        }
        assertThat(configMapSources(rendered, app)).allSatisfy(map ->
                assertThat(data(map)).as("ConfigMap %s", map.getMetadata().getName()).doesNotContainKey(API_KEYS));
    }

    /** A Secret in the manifests would carry a key in the repository, and each apply would reset ops' keys. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.funnel.kubernetes.Overlays#all")
    void noApiKeyIsWrittenInTheManifests(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);

        assertThat(rendered.all(Secret.class)).extracting(secret -> secret.getMetadata().getName())
                .doesNotContain(API_KEYS_SECRET);
        assertThat(rendered.all(ConfigMap.class)).allSatisfy(map -> assertThat(data(map))
                .as("ConfigMap %s", map.getMetadata().getName())
                .doesNotContainKeys(API_KEYS, "funnel.capture.api-keys"));
    }

    private static Map<String, String> data(ConfigMap map) {
        return map.getData() == null ? Map.of() : map.getData();
    }

    private static List<ConfigMap> configMapSources(Rendered rendered, Container app) {
        return app.getEnvFrom().stream()
                .map(EnvFromSource::getConfigMapRef)
                .filter(reference -> reference != null)
                .map(reference -> rendered.get(ConfigMap.class, reference.getName()))
                .toList();
    }
}
