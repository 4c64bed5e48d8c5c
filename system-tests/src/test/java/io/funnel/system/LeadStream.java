package io.funnel.system;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Posts one qualifying lead every {@code periodMillis} until closed, remembering which ones got a 201. */
final class LeadStream implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    static final int UNREACHABLE = -1;

    private final Map<Integer, AtomicInteger> refusedByStatus = new ConcurrentHashMap<>();
    private final Http http;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    LeadStream(String captureUrl, String apiKey, long periodMillis) {
        this.http = Http.apiKey(apiKey);
        scheduler.scheduleAtFixedRate(() -> post(captureUrl), 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** The e-mail prefix of this stream's leads, to find them in capture's database. */
    String emailPrefix() {
        return "fault." + tag + ".";
    }

    /**
     * Leads answered 201 so far. Final only once the stream is closed: read while it runs, a lead acknowledged just
     * after the reading is stored yet not counted, and a comparison with what was stored finds one too many.
     */
    int acknowledged() {
        return acknowledged.size();
    }

    int refused() {
        return refusedByStatus.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The statuses refusals came with ({@link #UNREACHABLE} when no answer came), each with its count. */
    Map<Integer, Integer> refusedStatuses() {
        Map<Integer, Integer> statuses = new TreeMap<>();
        refusedByStatus.forEach((status, count) -> statuses.put(status, count.get()));
        return statuses;
    }

    /** Refusals with this HTTP status ({@link #UNREACHABLE} when no answer came). */
    int refusedWith(int status) {
        return refusedByStatus.getOrDefault(status, new AtomicInteger()).get();
    }

    private void refuse(int status) {
        refusedByStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private void post(String captureUrl) {
        try {
            Http.Reply reply = http.postJson(captureUrl + "/api/leads", """
                    {"email":"%s%s@obras.example","jobTitle":"Head of Operations","companySize":300,
                     "industry":"construction","country":"ES","source":"fault-suite"}"""
                    .formatted(emailPrefix(), UUID.randomUUID()));
            if (reply.status() == 201) {
                acknowledged.add(reply.body().get("leadId").asText());
            } else {
                refuse(reply.status());
            }
        } catch (RuntimeException unreachable) {
            refuse(UNREACHABLE);
        }
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
    }
}
