package io.funnel.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Client-credentials tokens of integrations carry OAuth scopes rather than groups: a scope that names a funnel role
 * (e.g. {@code capture}) grants that role.
 */
@ApplicationScoped
public class ScopeRoles implements SecurityIdentityAugmentor {

    private static final Set<String> GRANTABLE = Set.of(Roles.CAPTURE, Roles.MARKETING, Roles.SALES,
            Roles.SALES_MANAGER, Roles.REVENUE_OPS, Roles.ADMIN);

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getClaim("scope") == null) {
            return Uni.createFrom().item(identity);
        }
        String scope = token.getClaim("scope").toString().replace("\"", "");
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        Arrays.stream(scope.split("\\s+")).filter(GRANTABLE::contains).forEach(builder::addRole);
        return Uni.createFrom().item(builder.build());
    }
}
