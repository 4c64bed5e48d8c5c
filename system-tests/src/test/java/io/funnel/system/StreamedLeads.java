package io.funnel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LeadStream}'s leads as the services stored them. Tests count these leads in reporting rather than compare
 * the funnel's totals before and after: a test that ran earlier may still be catching up (its leads reaching MQL
 * minutes later after a database outage) and would add to the totals.
 */
record StreamedLeads(FunnelStack stack, List<String> ids) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The leads capture stored whose e-mail starts with the stream's prefix. */
    static StreamedLeads stored(FunnelStack stack, String emailPrefix) throws SQLException {
        try (Connection capture = stack.connect(FunnelService.CAPTURE);
             PreparedStatement select = capture.prepareStatement("select id::text from lead where email like ?")) {
            select.setString(1, emailPrefix + "%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return new StreamedLeads(stack, ids);
        }
    }

    int size() {
        return ids.size();
    }

    /** Waits until reporting counts every one of these leads once as a lead and once as an MQL. */
    void awaitCountedAndQualified(Duration within) {
        await().atMost(within).untilAsserted(() -> {
            assertThat(enteredInReporting("LEAD")).as("leads counted").isEqualTo(size());
            assertThat(enteredInReporting("MQL")).as(() -> "MQLs counted (" + progress() + ")").isEqualTo(size());
        });
    }

    /** How many of these leads reporting has seen enter the stage (one row per lead and stage, so once at most). */
    long enteredInReporting(String stage) throws SQLException {
        return countAmong(FunnelService.REPORTING, "select count(*) from stage_entry where stage = '" + stage
                + "' and subject = any(?)");
    }

    /** Where the leads are on their way to MQL, for a failure message to say which step is behind. */
    String progress() {
        try {
            return ("of %d leads qualification scored %d and qualified %d, %d events wait in its outbox; its last"
                    + " warning: %s").formatted(size(),
                            countAmong(FunnelService.QUALIFICATION,
                                    "select count(*) from scored_lead where lead_id::text = any(?)"),
                            countAmong(FunnelService.QUALIFICATION, "select count(*) from scored_lead"
                                    + " where qualified_at is not null and lead_id::text = any(?)"),
                            stack.count(FunnelService.QUALIFICATION, "select count(*) from outbox_event"),
                            lastWarning(FunnelService.QUALIFICATION));
        } catch (SQLException | IOException | RuntimeException e) {
            return "progress unknown: " + e;
        }
    }

    /** The last warning or error the service itself logged (not its libraries), to say why a step is behind. */
    private String lastWarning(FunnelService service) throws IOException {
        Path log = stack.logDir().resolve(service.module() + ".log");
        String last = "none";
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                JsonNode entry = JSON.readTree(line);
                if (entry.path("loggerName").asText().startsWith("io.funnel")
                        && List.of("WARN", "ERROR").contains(entry.path("level").asText())) {
                    last = entry.path("timestamp").asText() + " " + entry.path("message").asText();
                }
            }
        }
        return last;
    }

    private long countAmong(FunnelService service, String sql) throws SQLException {
        try (Connection connection = stack.connect(service);
             PreparedStatement count = connection.prepareStatement(sql)) {
            count.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
