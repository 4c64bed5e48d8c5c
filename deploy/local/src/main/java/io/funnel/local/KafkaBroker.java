package io.funnel.local;

import io.funnel.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka 4.1 broker in KRaft combined mode (broker and controller in one node), bound to 127.0.0.1. The data
 * directory survives {@link #stop()}, so a stopped broker can be started again with its topics and records.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final int DEFAULT_PARTITIONS = 3;
    private static final String CLUSTER_ID = "funnel-local-kraft-01";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker on {@code port} (0 picks a free one) that keeps its data under {@code dataDir}. */
    public static KafkaBroker create(Path dataDir, int port) {
        if (port == 0) {
            int[] ports = freePorts(2);
            return new KafkaBroker(dataDir, ports[0], ports[1]);
        }
        int controllerPort = freePort();
        while (controllerPort == port) {
            controllerPort = freePort();
        }
        return new KafkaBroker(dataDir, port, controllerPort);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        formatOnce(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitListening(Duration.ofSeconds(30));
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Creates every topic of the vocabulary and its dead-letter twin; existing topics are left as they are. */
    public void createFunnelTopics(int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            NewTopic main = new NewTopic(topic, partitions, (short) 1);
            if (Topics.isCompacted(topic)) {
                main.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(main);
            topics.add(new NewTopic(Topics.deadLetter(topic), 1, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the funnel topics", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * Records that the running consumer groups (those with members) have not committed yet, counting every partition
     * assigned to them from its start when nothing is committed there.
     */
    public long totalLag() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<String> groups = admin.listGroups().all().get().stream().map(g -> g.groupId()).toList();
            long lag = 0;
            for (var group : admin.describeConsumerGroups(groups).all().get().values()) {
                Set<org.apache.kafka.common.TopicPartition> assigned = new java.util.HashSet<>();
                group.members().forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
                if (assigned.isEmpty()) {
                    continue;
                }
                lag += lag(admin, group.groupId(), assigned);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the consumer groups' lag", e.getCause());
        }
    }

    /** Records of {@code topic} the consumer group has not committed yet; all of them if it committed nothing. */
    public long lag(String groupId, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            return lag(admin, groupId, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the lag of " + groupId + " on " + topic, e.getCause());
        }
    }

    /** Records of {@code partitions} the group has not committed, counting from the start where it committed none. */
    private static long lag(Admin admin, String groupId, java.util.Collection<org.apache.kafka.common.TopicPartition>
            partitions) throws InterruptedException, ExecutionException {
        var committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(
                p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (var partition : partitions) {
            var done = committed.get(partition);
            lag += ends.get(partition).offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /**
     * Moves a stopped consumer group's committed offsets to the current end of {@code topics}, once the broker has
     * dropped the members of a killed process (after their session timeout).
     */
    public void skipToEnd(String groupId, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(groupId + " still has members after 2 minutes");
                }
                Thread.sleep(1_000);
            }
            var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream()
                            .map(p -> new org.apache.kafka.common.TopicPartition(t.name(), p.partition())))
                    .toList();
            var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(
                    p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            admin.alterConsumerGroupOffsets(groupId, ends.entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            e -> new org.apache.kafka.clients.consumer.OffsetAndMetadata(e.getValue().offset()))))
                    .all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot move " + groupId + " to the end of " + topics, e.getCause());
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
        p.put("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The 128 MiB default dedupe buffer does not fit a small heap, and a fatal broker fault halts the JVM.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.cleaner.io.buffer.size", String.valueOf(256 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private void formatOnce(KafkaConfig config) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(CLUSTER_ID)
                    .setDirectories(List.of(dataDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir, e);
        }
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Waits.pause(Duration.ofMillis(50));
            }
        }
        throw new IllegalStateException("Kafka broker did not listen on " + bootstrapServers() + " within " + timeout);
    }

    static int freePort() {
        return freePorts(1)[0];
    }

    /** Distinct free ports: each socket stays open until all are bound, or the system could hand out one twice. */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(KafkaBroker::close);
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
