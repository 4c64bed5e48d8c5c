package io.funnel.local.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * Posts leads with unique e-mails to capture, each worker thread on a keep-alive connection of its own. Closed loop:
 * {@code workers} clients each send the next request when the previous answered. Open loop: requests are due at a
 * fixed rate and latency counts from the due time, so a slow server cannot hide its queueing (no coordinated omission).
 */
final class LeadLoad {

    record Result(int sent, int acknowledged, int failed, double seconds, Latencies latencies,
            Map<String, Long> acknowledgedAtNanos) {

        double perSecond() {
            return acknowledged / seconds;
        }
    }

    private static final int TIMEOUT_MILLIS = 10_000;

    private final URI capture;
    private final String headers;
    private final List<KeepAliveConnection> connections = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<KeepAliveConnection> connection = ThreadLocal.withInitial(this::open);

    LeadLoad(String captureUrl, String apiKey) {
        this.capture = URI.create(captureUrl);
        this.headers = "X-Api-Key: " + apiKey + "\r\n";
    }

    private KeepAliveConnection open() {
        KeepAliveConnection opened = new KeepAliveConnection(capture, TIMEOUT_MILLIS);
        connections.add(opened);
        return opened;
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
        try {
            KeepAliveConnection.Response response = connection.get().post("/api/leads", headers, body);
            long now = System.nanoTime();
            if (response.status() == 201) {
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

    private Result collect(ExecutorService pool, List<Future<Latencies>> results, AtomicLong sent,
            AtomicLong failed, Map<String, Long> acked, long start) throws Exception {
        Latencies all = new Latencies();
        for (Future<Latencies> result : results) {
            all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        connections.forEach(KeepAliveConnection::close);
        connections.clear();
        return new Result((int) sent.get(), all.count(), (int) failed.get(), seconds, all, acked);
    }
}
