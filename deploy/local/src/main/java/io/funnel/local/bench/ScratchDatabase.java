package io.funnel.local.bench;

import io.funnel.local.PostgresEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A database the benchmark creates, fills with a service's own Flyway migrations, and drops when closed. */
final class ScratchDatabase implements AutoCloseable {

    private final PostgresEndpoint server;
    private final String name;

    private ScratchDatabase(PostgresEndpoint server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates {@code name} (a plain lower-case identifier) and runs the {@code V*.sql} files of each folder. */
    static ScratchDatabase create(PostgresEndpoint server, String name, List<Path> migrationFolders)
            throws SQLException, IOException {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        try (Connection admin = connect(server, "postgres"); Statement create = admin.createStatement()) {
            create.execute("create database " + name);
        }
        ScratchDatabase database = new ScratchDatabase(server, name);
        try (Connection connection = connect(server, name); Statement migrate = connection.createStatement()) {
            for (Path script : migrations(migrationFolders)) {
                migrate.execute(Files.readString(script));
            }
        } catch (SQLException | IOException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = connect(server, "postgres"); Statement drop = admin.createStatement()) {
            drop.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static List<Path> migrations(List<Path> folders) throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql")).forEach(scripts::add);
            }
        }
        scripts.sort(Comparator.comparing(ScratchDatabase::version, Arrays::compare));
        return scripts;
    }

    /** Flyway's version of {@code V2_1__name.sql}: 2, 1. */
    private static int[] version(Path script) {
        String name = script.getFileName().toString();
        return Arrays.stream(name.substring(1, name.indexOf("__")).split("_")).mapToInt(Integer::parseInt).toArray();
    }

    private static Connection connect(PostgresEndpoint server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }
}
