package io.funnel.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the PostgreSQL server to use, in this order: the one named by {@code FUNNEL_DB_URL} (with
 * {@code FUNNEL_DB_USER} and {@code FUNNEL_DB_PASSWORD}); the one on 127.0.0.1:5432; for a non-root user, an embedded
 * one started from Maven Central binaries ({@code FUNNEL_DB=embedded} skips the server on 5432). Root cannot run an embedded server (initdb refuses), so root is told to run
 * {@code deploy/local/ensure-postgres.sh}.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final PostgresEndpoint endpoint;
    private final EmbeddedPostgres embedded;

    private LocalPostgres(PostgresEndpoint endpoint, EmbeddedPostgres embedded) {
        this.endpoint = endpoint;
        this.embedded = embedded;
    }

    public static LocalPostgres locate(Map<String, String> env, Path workDir) {
        String user = env.getOrDefault("FUNNEL_DB_USER", "postgres");
        String password = env.getOrDefault("FUNNEL_DB_PASSWORD", "");
        String url = env.get("FUNNEL_DB_URL");
        if (url != null && !url.isBlank()) {
            return new LocalPostgres(PostgresEndpoint.parse(url, user, password), null);
        }
        boolean embeddedWanted = "embedded".equals(env.get("FUNNEL_DB"));
        if (!embeddedWanted && listening("127.0.0.1", 5432)) {
            return new LocalPostgres(new PostgresEndpoint("127.0.0.1", 5432, user, password), null);
        }
        return embedded(workDir).orElseThrow(() -> new IllegalStateException("""
                No PostgreSQL server found. Any of these fixes it:
                  - run deploy/local/ensure-postgres.sh (as root: installs PostgreSQL with apt and starts it);
                  - start your own server on 127.0.0.1:5432 with a 'postgres' role that may create databases;
                  - point FUNNEL_DB_URL=postgresql://host:port (and FUNNEL_DB_USER, FUNNEL_DB_PASSWORD) at one;
                  - run as a non-root user, so an embedded PostgreSQL can start from the Maven Central binaries."""));
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    /** Creates {@code name} unless it exists. */
    public void ensureDatabase(String name) {
        checkName(name);
        try (Connection connection = admin();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + endpoint.jdbcUrl(""), e);
        }
    }

    public void dropDatabase(String name) {
        checkName(name);
        try (Connection connection = admin(); Statement drop = connection.createStatement()) {
            drop.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + name, e);
        }
    }

    public long count(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(database), endpoint.user(),
                endpoint.password());
             Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed on " + database + ": " + sql, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl("postgres"), endpoint.user(), endpoint.password());
    }

    private static void checkName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
    }

    private static Optional<LocalPostgres> embedded(Path workDir) {
        if ("root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        try {
            Path dataDir = workDir.resolve("postgres");
            Files.createDirectories(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .start();
            return Optional.of(new LocalPostgres(
                    new PostgresEndpoint("127.0.0.1", server.getPort(), "postgres", ""), server));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
