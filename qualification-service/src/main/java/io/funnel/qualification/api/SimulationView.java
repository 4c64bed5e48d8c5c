package io.funnel.qualification.api;

import io.funnel.qualification.domain.Simulator;

/** What the proposed model would have produced, beside the model in force, on the same stored histories. */
public record SimulationView(int threshold, int currentModelVersion, Simulator.Result proposed,
        Simulator.Result current, long computeMillis) {
}
