package io.funnel.local.bench;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * The broker's read limit as Kafka's own {@code ConsumerPerformance} measures it, reading a topic from the start; the
 * fetch rate, which leaves out joining the group.
 */
final class KafkaConsumerLimit {

    record Result(long records, double recordsPerSecond, double megabytesPerSecond) {
    }

    private KafkaConsumerLimit() {
    }

    static Result measure(String bootstrapServers, String topic, long records) throws Exception {
        String printed = InProcessTool.run(ConsumerPerformance::main, "--bootstrap-server", bootstrapServers,
                "--topic", topic, "--messages", String.valueOf(records), "--group", "bench-perf-" + UUID.randomUUID());
        // A header line of column names, then one line of values, both separated by ", ".
        List<String> lines = printed.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            List<String> columns = Arrays.asList(lines.get(i).split(", "));
            if (columns.contains("fetch.nMsg.sec")) {
                String[] values = lines.get(i + 1).split(", ");
                return new Result(Long.parseLong(values[columns.indexOf("data.consumed.in.nMsg")].trim()),
                        Double.parseDouble(values[columns.indexOf("fetch.nMsg.sec")].trim()),
                        Double.parseDouble(values[columns.indexOf("fetch.MB.sec")].trim()));
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no figures: " + printed);
    }
}
