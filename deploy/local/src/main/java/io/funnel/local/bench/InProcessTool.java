package io.funnel.local.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Exit;

/**
 * Runs one of Kafka's command-line tools through its {@code main} in this JVM and answers what it printed. The tools
 * print their figures rather than return them, and end through {@link Exit}, which here throws instead of stopping
 * the benchmark.
 */
final class InProcessTool {

    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    private InProcessTool() {
    }

    static synchronized String run(Main main, String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("the tool exited with status " + status
                    + (message == null ? "" : ": " + message) + "; it printed: "
                    + printed.toString(StandardCharsets.UTF_8));
        });
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            main.run(args);
        } finally {
            System.setOut(stdout);
            Exit.resetExitProcedure();
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
