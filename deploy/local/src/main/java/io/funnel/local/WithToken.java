package io.funnel.local;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every RestAssured call of the annotated test class carries a real bearer token of the development issuer with
 * these roles, so that tests about a feature call it the way its users do; tests about access control itself send
 * their own tokens instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(WithToken.Extension.class)
public @interface WithToken {

    String user() default "ops@funnel.local";

    String[] roles();

    /** Sets and clears RestAssured's default request specification around each test. */
    final class Extension implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            WithToken caller = context.getRequiredTestClass().getAnnotation(WithToken.class);
            String token = DevIssuer.token(caller.user(), List.of(caller.roles()), Duration.ofHours(1));
            RestAssured.requestSpecification = new RequestSpecBuilder()
                    .addHeader("Authorization", "Bearer " + token).build();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            RestAssured.requestSpecification = null;
        }
    }
}
