package io.funnel.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts leads with unique e-mails to capture. Closed loop: {@code workers} clients each send the next request when
 * the previous answered. Open loop: requests are due at a fixed rate and latency counts from the due time, so a
 * slow server cannot hide its queueing (no coordinated omission).
 */
final class LeadLoad {

    record Result(int sent, int acknowledged, int failed, double seconds, Latencies latencies,
            Map<String, Long> acknowledgedAtNanos) {

        double perSecond() {
            return acknowledged / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI leads;
    private final String apiKey;

    LeadLoad(String captureUrl, String apiKey) {
        this.leads = URI.create(captureUrl + "/api/leads");
        this.apiKey = apiKey;
    }

    Result closedLoop(int workers, Duration duration, boolean qualifying) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, Long> acked = new ConcurrentHashMap<>();
        List<Future<Latencies>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            results.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    sent.incrementAndGet();
                    post(qualifying, latencies, t0, failed, acked);
                }
                return latencies;
            }));
        }
        return collect(pool, results, sent, failed, acked, start);
    }

    /**
     * An overloaded open loop would queue minutes of requests in the generator and flood the next phases with a
     * backlog; past this many unanswered requests a due request counts as failed (shed) instead of queueing.
     */
    static final int MAX_IN_FLIGHT = 1_000;

    Result openLoop(int perSecond, Duration duration, boolean qualifying) throws Exception {
        int total = (int) (perSecond * duration.toSeconds());
        long intervalNanos = 1_000_000_000L / perSecond;
        ExecutorService pool = Executors.newFixedThreadPool(64);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, Long> acked = new ConcurrentHashMap<>();
        List<Future<Latencies>> results = new ArrayList<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            sent.incrementAndGet();
            if (!inFlight.tryAcquire()) {
                failed.incrementAndGet();
                continue;
            }
            results.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                try {
                    post(qualifying, latencies, due, failed, acked);
                } finally {
                    inFlight.release();
                }
                return latencies;
            }));
        }
        return collect(pool, results, sent, failed, acked, start);
    }

    private void post(boolean qualifying, Latencies latencies, long dueNanos, AtomicLong failed,
            Map<String, Long> acked) {
        String email = "bench." + UUID.randomUUID() + "@obras.example";
        String body = qualifying
                ? "{\"email\":\"" + email + "\",\"jobTitle\":\"Head of Operations\",\"companySize\":250,"
                        + "\"industry\":\"construction\",\"country\":\"ES\",\"source\":\"bench\"}"
                : "{\"email\":\"" + email + "\",\"jobTitle\":\"Student\",\"source\":\"bench\"}";
        HttpRequest request = HttpRequest.newBuilder(leads).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Api-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() == 201) {
                latencies.record((now - dueNanos) / 1000);
                acked.put(leadId(response.body()), now);
            } else {
                failed.incrementAndGet();
            }
        } catch (Exception e) {
            failed.incrementAndGet();
        }
    }

    private static String leadId(String receipt) {
        int start = receipt.indexOf("\"leadId\":\"") + 10;
        return receipt.substring(start, receipt.indexOf('"', start));
    }

    private static Result collect(ExecutorService pool, List<Future<Latencies>> results, AtomicLong sent,
            AtomicLong failed, Map<String, Long> acked, long start) throws Exception {
        Latencies all = new Latencies();
        for (Future<Latencies> result : results) {
            all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result((int) sent.get(), all.count(), (int) failed.get(), seconds, all, acked);
    }
}
