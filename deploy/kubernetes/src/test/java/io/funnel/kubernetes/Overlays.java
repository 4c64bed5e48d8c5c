package io.funnel.kubernetes;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Parameter sources shared by the tests: every overlay, and every overlay with every service. */
final class Overlays {

    static final String DEV = "dev";
    static final String PROD = "prod";

    private Overlays() {
    }

    static Stream<String> all() {
        return Stream.of(DEV, PROD);
    }

    static Stream<Arguments> withServices() {
        return all().flatMap(overlay -> Arrays.stream(FunnelService.values())
                .map(service -> Arguments.of(overlay, service)));
    }
}
