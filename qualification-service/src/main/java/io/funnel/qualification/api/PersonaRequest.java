package io.funnel.qualification.api;

import io.funnel.qualification.domain.Persona;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A persona as created or replaced: a name and 1 to 50 criteria, all of which a lead must match. */
public record PersonaRequest(@NotBlank @Size(max = 100) String name,
        @NotNull @Size(min = 1, max = 50) List<Persona.Criterion> criteria) {
}
