package io.funnel.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./funnel up|demo}: starts the broker, makes sure PostgreSQL is there, starts the four services, waits for
 * their readiness and keeps them running until Ctrl-C or {@code ./funnel down} (SIGTERM to the pid in
 * {@code .funnel/launcher.pid}).
 */
public final class FunnelLauncher {

    private FunnelLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        if (!command.equals("up") && !command.equals("demo")) {
            System.err.println("usage: FunnelLauncher up|demo");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("funnel.home", ".")).toAbsolutePath().normalize();
        Path workDir = root.resolve(".funnel");
        FunnelStack stack;
        try {
            stack = FunnelStack.fixed(root, workDir);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the funnel...");
            stack.close();
            stopped.countDown();
        }, "funnel-shutdown"));
        writePid(workDir);

        long started = System.nanoTime();
        stack.startBroker();
        System.out.println("Kafka broker    " + stack.broker().bootstrapServers());
        System.out.println("PostgreSQL      " + stack.postgres().jdbcUrl("<service database>"));
        stack.startServices();
        for (FunnelService service : FunnelService.values()) {
            System.out.printf("%-15s %s   (OpenAPI %s/q/swagger-ui)%n", service.name().toLowerCase(),
                    stack.url(service), stack.url(service));
        }
        System.out.println("Logs            " + stack.logDir());
        printCredentials(stack, workDir);
        System.out.printf("Ready in %.1f s. Ctrl-C or ./funnel down stops everything.%n",
                (System.nanoTime() - started) / 1e9);
        if (command.equals("demo")) {
            DemoData.feed(stack, System.out);
        }
        stopped.await();
    }

    /** Development credentials: bearer tokens signed by the local issuer (12 h) and the capture API key. */
    private static void printCredentials(FunnelStack stack, Path workDir) {
        System.out.println("Tokens (development issuer, 12 h; Authorization: Bearer <token>), as shell exports that");
        System.out.println("eval \"$(./funnel tokens)\" sets again at any time:");
        DevTokens.main(new String[] {workDir.toString()});
        System.out.println("Dashboard as revenue-ops: " + stack.url(FunnelService.REPORTING) + "/#token="
                + DevIssuer.token("revenue-ops"));
    }

    private static void writePid(Path workDir) {
        try {
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("launcher.pid"), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
