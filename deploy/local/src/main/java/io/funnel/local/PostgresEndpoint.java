package io.funnel.local;

import java.net.URI;

/** Where a PostgreSQL server listens and how to log in; databases are named per service. */
public record PostgresEndpoint(String host, int port, String user, String password) {

    /** Parses {@code jdbc:postgresql://host:port[/db]} or {@code postgresql://host:port[/db]}. */
    public static PostgresEndpoint parse(String url, String user, String password) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("FUNNEL_DB_URL must look like postgresql://host:5432, got " + url);
        }
        return new PostgresEndpoint(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
