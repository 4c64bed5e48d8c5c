package io.funnel.local.bench;

import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reporting's reports over many leads ({@link SyntheticJourneys}): each report requested twice at each size, timed
 * from request to the whole answer; then reporting's resident memory and liveness, which a report that ran out of
 * heap would have taken down.
 */
final class ReportsAtScale {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ReportsAtScale() {
    }

    static String run(FunnelStack stack, int... leadCounts) throws Exception {
        String reporting = stack.url(FunnelService.REPORTING);
        String lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        List<String> reports = List.of("/api/funnel", "/api/funnel?groupBy=campaign", "/api/sla",
                "/api/bulletin?month=" + lastMonth);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String authorization = "Bearer " + DevIssuer.token("revenue-ops");
        StringBuilder table = new StringBuilder("| leads | stage entries | report | status | first s | again s |\n"
                + "|---|---|---|---|---|---|\n");
        for (int leads : leadCounts) {
            long entries;
            try (Connection connection = stack.connect(FunnelService.REPORTING)) {
                entries = SyntheticJourneys.write(connection, leads);
            }
            for (String report : reports) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(reporting + report)).timeout(TIMEOUT)
                        .header("Authorization", authorization).GET().build();
                Timed first = Timed.send(http, request);
                Timed again = Timed.send(http, request);
                table.append(String.format("| %,d | %,d | `%s` | %d | %.1f | %.1f |%n", leads, entries, report,
                        again.status(), first.seconds(), again.seconds()));
            }
        }
        int live = http.send(HttpRequest.newBuilder(URI.create(reporting + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        return table.append(String.format("%nAfterwards reporting's RSS is %d MB and its liveness answers %d.%n",
                ServiceFootprint.of(stack.process(FunnelService.REPORTING)).rssMegabytes(), live)).toString();
    }

    private record Timed(int status, double seconds) {

        static Timed send(HttpClient http, HttpRequest request) throws Exception {
            long start = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Timed(status, (System.nanoTime() - start) / 1e9);
        }
    }
}
