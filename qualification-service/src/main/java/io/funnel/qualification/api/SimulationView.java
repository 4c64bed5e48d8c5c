package io.funnel.qualification.api;

import io.funnel.qualification.domain.Simulator;

/**
 * What the proposed model would have produced, beside the model in force, on the same stored histories; both measured
 * against {@code threshold} and {@code requiredPersona}.
 */
public record SimulationView(int threshold, String requiredPersona, int currentModelVersion,
        Simulator.Result proposed, Simulator.Result current, long computeMillis) {
}
