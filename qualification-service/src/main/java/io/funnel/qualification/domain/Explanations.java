package io.funnel.qualification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.funnel.events.EventCodec;
import io.funnel.events.QualificationEvent.ScoreContribution;
import java.util.List;

/** Stores a score's rule contributions as JSON text, in the same shape as on the wire. */
public final class Explanations {

    private static final TypeReference<List<ScoreContribution>> TYPE = new TypeReference<>() {
    };

    private Explanations() {
    }

    public static String toJson(List<ScoreContribution> contributions) {
        return EventCodec.encodeValue(contributions);
    }

    public static List<ScoreContribution> fromJson(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventCodec.mapper().readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored explanation is not JSON", e);
        }
    }
}
