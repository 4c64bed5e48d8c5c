package io.funnel.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTest {

    @ParameterizedTest
    @ValueSource(strings = {"type", "title", "status", "detail", "instance", "errors"})
    void anExtensionNamedLikeAProblemMemberIsAProgrammingError(String key) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProblemException.conflict("Cannot", Map.of(key, "LOST")))
                .withMessageContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "opportunityStatus", "currentVersion"})
    void otherExtensionsAreCarried(String key) {
        assertThat(ProblemException.conflict("Cannot", Map.of(key, "LOST")).problem().extensions())
                .containsEntry(key, "LOST");
    }
}
