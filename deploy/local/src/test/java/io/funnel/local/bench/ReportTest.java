package io.funnel.local.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.funnel.local.ServiceProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void namesTheJvmTheServicesRanOnAndItsOptions(@TempDir Path directory) throws Exception {
        Report report = new Report(directory, false, new Targets(), new StringBuilder());

        String text = report.text();
        assertTrue(text.contains("Services' JVM: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.home") + "), "
                + String.join(" ", ServiceProcess.JVM_OPTIONS)), text);
    }
}
