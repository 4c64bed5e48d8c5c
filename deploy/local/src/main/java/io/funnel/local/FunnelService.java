package io.funnel.local;

/** The four services of the funnel, with their module, fixed local port and database. */
public enum FunnelService {
    CAPTURE("lead-capture-service", 8081, "funnel_capture"),
    QUALIFICATION("qualification-service", 8082, "funnel_qualification"),
    PIPELINE("sales-pipeline-service", 8083, "funnel_pipeline"),
    REPORTING("reporting-service", 8084, "funnel_reporting");

    private final String module;
    private final int defaultPort;
    private final String database;

    FunnelService(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }
}
