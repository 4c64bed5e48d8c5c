package io.funnel.qualification.api;

import io.funnel.qualification.domain.Persona;
import io.funnel.qualification.domain.Personas;
import io.funnel.qualification.persistence.PersonaRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PersonaView(UUID id, String name, List<Persona.Criterion> criteria, Instant createdAt,
        Instant updatedAt) {

    static PersonaView of(PersonaRecord r) {
        return new PersonaView(r.id, r.name, Personas.criteriaOf(r.criteria), r.createdAt, r.updatedAt);
    }
}
