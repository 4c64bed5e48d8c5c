package io.funnel.pipeline.support;

import static io.restassured.RestAssured.given;

import io.funnel.local.DevIssuer;
import io.funnel.platform.security.Roles;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;

/** Requests carrying a real token of the development issuer, for tests about who may call what. */
public final class Callers {

    private Callers() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** The local user of a role, e.g. {@code Roles.MARKETING}. */
    public static RequestSpecification role(String role) {
        return as(DevIssuer.token(role));
    }

    public static RequestSpecification manager() {
        return role(Roles.SALES_MANAGER);
    }

    /** A rep: role {@code sales}, the token's user name their e-mail. */
    public static RequestSpecification rep(String email) {
        return as(DevIssuer.token(email, List.of(Roles.SALES), Duration.ofHours(1)));
    }
}
