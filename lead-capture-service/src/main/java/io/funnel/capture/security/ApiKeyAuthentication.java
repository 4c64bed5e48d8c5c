package io.funnel.capture.security;

import io.funnel.platform.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server-to-server integrations that have no identity provider send {@code X-Api-Key}; a configured key
 * ({@code funnel.capture.api-keys=name:key,...}) authenticates as that integration with the {@code capture} role only.
 * Requests without the header fall through to the bearer token mechanism.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-Api-Key";

    private final Map<String, byte[]> keysByIntegration;

    public ApiKeyAuthentication(@ConfigProperty(name = "funnel.capture.api-keys") Optional<List<String>> keys) {
        this.keysByIntegration = keys.orElse(List.of()).stream()
                .map(String::strip)
                .filter(entry -> entry.indexOf(':') > 0 && entry.indexOf(':') < entry.length() - 1)
                .collect(Collectors.toMap(entry -> entry.substring(0, entry.indexOf(':')),
                        entry -> entry.substring(entry.indexOf(':') + 1).getBytes(StandardCharsets.UTF_8),
                        (first, second) -> first));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String presented = context.request().getHeader(HEADER);
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        byte[] candidate = presented.strip().getBytes(StandardCharsets.UTF_8);
        // Compare with every key in constant time so that timing reveals neither a key nor which one matched.
        String integration = null;
        for (Map.Entry<String, byte[]> key : keysByIntegration.entrySet()) {
            if (MessageDigest.isEqual(candidate, key.getValue())) {
                integration = key.getKey();
            }
        }
        if (integration == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Unknown API key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(integration))
                .addRole(Roles.CAPTURE)
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
