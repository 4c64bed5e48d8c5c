package io.funnel.system;

import io.funnel.local.FunnelStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** One running system (broker, databases, four service processes) shared by every system test of this JVM. */
final class SystemStack {

    private static FunnelStack stack;

    private SystemStack() {
    }

    static synchronized FunnelStack get() {
        if (stack == null) {
            try {
                Path root = Path.of(System.getProperty("funnel.home", "..")).toAbsolutePath().normalize();
                stack = FunnelStack.isolated(root, Files.createTempDirectory("funnel-it-"),
                        "it" + UUID.randomUUID().toString().substring(0, 8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stack.startBroker().startServices();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::dropDatabasesAfterClose, "system-stack-stop"));
        }
        return stack;
    }
}
