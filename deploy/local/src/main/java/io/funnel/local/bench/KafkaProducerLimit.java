package io.funnel.local.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * The broker's limit as Kafka's own {@code ProducerPerformance} measures it: unthrottled, default producer settings,
 * records the size of a funnel event.
 */
final class KafkaProducerLimit {

    record Result(long records, int recordBytes, double recordsPerSecond, double megabytesPerSecond,
            double averageMillis, double p99Millis) {
    }

    /** The tool's closing line; its interim lines stop after the max latency. */
    private static final Pattern TOTAL = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec "
            + "\\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency, [0-9.]+ ms max latency, \\d+ ms 50th, "
            + "\\d+ ms 95th, (\\d+) ms 99th");

    private KafkaProducerLimit() {
    }

    static Result measure(String bootstrapServers, String topic, long records, int recordBytes) throws Exception {
        String printed = InProcessTool.run(ProducerPerformance::main, "--topic", topic,
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordBytes),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers);
        Matcher total = TOTAL.matcher(printed);
        if (!total.find()) {
            throw new IllegalStateException("ProducerPerformance printed no total: " + printed);
        }
        return new Result(Long.parseLong(total.group(1)), recordBytes, Double.parseDouble(total.group(2)),
                Double.parseDouble(total.group(3)), Double.parseDouble(total.group(4)),
                Double.parseDouble(total.group(5)));
    }
}
