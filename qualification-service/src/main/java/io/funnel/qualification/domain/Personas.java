package io.funnel.qualification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.funnel.events.EventCodec;
import io.funnel.platform.messaging.BatchMemo;
import io.funnel.qualification.persistence.PersonaRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Loads stored personas for matching. */
@ApplicationScoped
public class Personas {

    private static final TypeReference<List<Persona.Criterion>> CRITERIA = new TypeReference<>() {
    };
    private static final String ALL = Personas.class.getName() + ".all";

    public Uni<List<Persona>> all() {
        return BatchMemo.remember(ALL, () -> PersonaRecord.<PersonaRecord>listAll()
                .map(rows -> rows.stream().map(r -> new Persona(r.name, criteriaOf(r.criteria))).toList()));
    }

    public static List<Persona.Criterion> criteriaOf(String json) {
        try {
            return EventCodec.mapper().readValue(json, CRITERIA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored persona criteria are not readable", e);
        }
    }
}
