package io.funnel.qualification.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The default model exactly as the migration seeds it (the JSON between the {@code $model$} quotes). */
final class SeededModel {

    private SeededModel() {
    }

    static ScoringModel load() {
        try (InputStream in = SeededModel.class.getResourceAsStream(
                "/db/migration/V2__scoring_model_behaviour_personas.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("$model$") + "$model$".length();
            return ScoringModels.parse(sql.substring(start, sql.indexOf("$model$", start)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CompiledModel compiled() {
        return CompiledModel.of(1, load());
    }
}
