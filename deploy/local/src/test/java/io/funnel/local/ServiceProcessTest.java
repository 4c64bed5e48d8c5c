package io.funnel.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void extraOptionsFollowTheDefaultsWithTheServiceNamed() {
        List<String> expected = new ArrayList<>(ServiceProcess.JVM_OPTIONS);
        expected.addAll(List.of("-XX:AOTCache=.funnel/aot/reporting-service.aot", "-Xlog:aot=warning"));

        assertEquals(expected, ServiceProcess.jvmOptions(FunnelService.REPORTING,
                "  -XX:AOTCache=.funnel/aot/{module}.aot   -Xlog:aot=warning "));
    }

    @Test
    void withoutExtraOptionsOnlyTheDefaults() {
        assertEquals(ServiceProcess.JVM_OPTIONS, ServiceProcess.jvmOptions(FunnelService.CAPTURE, null));
        assertEquals(ServiceProcess.JVM_OPTIONS, ServiceProcess.jvmOptions(FunnelService.CAPTURE, " "));
    }
}
