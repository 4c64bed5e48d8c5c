package io.funnel.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system on one machine: a real Kafka broker in this JVM, PostgreSQL (found or embedded), and the four
 * services as separate processes. Used by {@code ./funnel up} and by the cross-service tests.
 */
public final class FunnelStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path projectRoot;
    private final Path workDir;
    private final KafkaBroker broker;
    private final LocalPostgres postgres;
    private final Map<FunnelService, String> databases;
    private final Map<FunnelService, Integer> ports;
    private final Map<FunnelService, ServiceProcess> running = new EnumMap<>(FunnelService.class);
    private final Path issuerKey;
    private final String apiKey;

    private FunnelStack(Path projectRoot, Path workDir, KafkaBroker broker, LocalPostgres postgres,
            Map<FunnelService, String> databases, Map<FunnelService, Integer> ports, String apiKey) {
        this.projectRoot = projectRoot;
        this.apiKey = apiKey;
        this.workDir = workDir;
        this.broker = broker;
        this.postgres = postgres;
        this.databases = databases;
        this.ports = ports;
        this.issuerKey = DevIssuer.writePublicKey(workDir);
    }

    /** The local run: fixed ports (Kafka 9092, services 8081-8084) and the databases {@code funnel_*}. */
    public static FunnelStack fixed(Path projectRoot, Path workDir) {
        Map<FunnelService, String> databases = new EnumMap<>(FunnelService.class);
        Map<FunnelService, Integer> ports = new EnumMap<>(FunnelService.class);
        for (FunnelService service : FunnelService.values()) {
            databases.put(service, service.database());
            ports.put(service, service.defaultPort());
        }
        return prepare(projectRoot, workDir, 9092, databases, ports, DevTokens.localApiKey(workDir));
    }

    /** A throw-away stack for tests: free ports and fresh databases with the given suffix. */
    public static FunnelStack isolated(Path projectRoot, Path workDir, String suffix) {
        Map<FunnelService, String> databases = new EnumMap<>(FunnelService.class);
        Map<FunnelService, Integer> ports = new EnumMap<>(FunnelService.class);
        int[] free = KafkaBroker.freePorts(FunnelService.values().length + 1);
        for (FunnelService service : FunnelService.values()) {
            databases.put(service, service.database() + "_" + suffix);
            ports.put(service, free[service.ordinal()]);
        }
        return prepare(projectRoot, workDir, free[free.length - 1], databases, ports, UUID.randomUUID().toString());
    }

    private static FunnelStack prepare(Path projectRoot, Path workDir, int kafkaPort,
            Map<FunnelService, String> databases, Map<FunnelService, Integer> ports, String apiKey) {
        LocalPostgres postgres = LocalPostgres.locate(System.getenv(), workDir);
        databases.values().forEach(postgres::ensureDatabase);
        KafkaBroker broker = KafkaBroker.create(workDir.resolve("kafka"), kafkaPort);
        return new FunnelStack(projectRoot, workDir, broker, postgres, databases, ports, apiKey);
    }

    public FunnelStack startBroker() {
        broker.start();
        broker.createFunnelTopics(KafkaBroker.DEFAULT_PARTITIONS);
        return this;
    }

    /** Starts every service not yet running, then waits for all of them to be ready. */
    public FunnelStack startServices() {
        List<ServiceProcess> started = new ArrayList<>();
        for (FunnelService service : FunnelService.values()) {
            if (!running.containsKey(service)) {
                started.add(launch(service));
            }
        }
        started.forEach(p -> p.awaitReady(READY_TIMEOUT));
        return this;
    }

    public ServiceProcess start(FunnelService service) {
        ServiceProcess process = launch(service);
        process.awaitReady(READY_TIMEOUT);
        return process;
    }

    private ServiceProcess launch(FunnelService service) {
        ServiceProcess process = ServiceProcess.start(projectRoot, service, ports.get(service), environment(service),
                workDir.resolve("logs"));
        running.put(service, process);
        return process;
    }

    /** Crashes a service (SIGKILL). */
    public void kill(FunnelService service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    /** The running process of a service. */
    public ServiceProcess process(FunnelService service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            throw new IllegalStateException(service.module() + " is not running");
        }
        return process;
    }

    /** The key an integration sends as {@code X-Api-Key} to {@code POST /api/leads} on this stack. */
    public String apiKey() {
        return apiKey;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public PostgresEndpoint postgres() {
        return postgres.endpoint();
    }

    public String url(FunnelService service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    public List<ServiceProcess> processes() {
        return List.copyOf(running.values());
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    private Map<String, String> environment(FunnelService service) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.endpoint().reactiveUrl(databases.get(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.endpoint().jdbcUrl(databases.get(service)));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.endpoint().user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.endpoint().password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuerKey.toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevIssuer.ISSUER);
        env.put("FUNNEL_CAPTURE_API_KEYS", "local-stack:" + apiKey);
        // Webhook receivers on this machine (a local CRM, a test's receiver) are allowed in the local stack only.
        env.put("FUNNEL_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        return env;
    }

    /** A JDBC connection to a service's database, for tests that inspect what a service stored. */
    public Connection connect(FunnelService service) throws SQLException {
        return DriverManager.getConnection(postgres.endpoint().jdbcUrl(databases.get(service)),
                postgres.endpoint().user(), postgres.endpoint().password());
    }

    /** A single number from a service's database, e.g. {@code select count(*) from outbox_event}. */
    public long count(FunnelService service, String sql) {
        return postgres.count(databases.get(service), sql);
    }

    /** Stops the services, then the broker; leaves the databases for the next run. */
    @Override
    public void close() {
        stopServices();
        broker.stop();
        postgres.close();
    }

    private void stopServices() {
        running.values().forEach(ServiceProcess::requestStop);
        running.values().forEach(ServiceProcess::close);
        running.clear();
    }

    /** Stops everything, then drops the databases; for isolated stacks after their test. */
    public void dropDatabasesAfterClose() {
        stopServices();
        broker.stop();
        databases.values().forEach(postgres::dropDatabase);
        postgres.close();
    }
}
