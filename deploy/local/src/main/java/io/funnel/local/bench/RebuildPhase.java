package io.funnel.local.bench;

import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The projection rebuild: a synthetic history written straight into the topics, then a rebuild of reporting's read
 * tables from every topic, timed. Qualification and pipeline are stopped, or they would answer the synthetic captures
 * with events of their own; reporting is stopped while the history is written and its live consumers are moved past
 * it, so the rebuild is measured alone rather than beside a live projection working through the same records.
 */
final class RebuildPhase {

    /** Reporting's consumer group: Quarkus names it after the application. */
    private static final String REPORTING_GROUP = "reporting-service";
    private static final List<String> PROJECTED = List.of(Topics.LEADS, Topics.ACTIVITIES, Topics.MARKETING,
            Topics.QUALIFICATION, Topics.PIPELINE);

    record Result(EventFlood.Result written, Attempt<RebuildTimer.Result> rebuild) {

        /** Events per second of a rebuild that finished; 0 otherwise. */
        double eventsPerSecond() {
            return rebuild.measured() && rebuild.result().state().equals("DONE") ? rebuild.result().perSecond() : 0;
        }

        String markdown() {
            StringBuilder md = new StringBuilder(String.format("Written: %,d events of %,d synthetic leads (activity, "
                    + "capture, score, persona, qualification, assignment, contact, acceptance or rejection, "
                    + "opportunities) in %.1f s, %,.0f events/s, one lz4-batching producer, while reporting was "
                    + "stopped; its live consumers were then moved past them, so only the rebuild reads them.%n%n",
                    written.events(), written.leads(), written.seconds(), written.perSecond()));
            md.append("| rebuild | events replayed (whole topics, earlier phases included) | seconds | events/s |\n"
                    + "|---|---|---|---|\n");
            if (rebuild.measured()) {
                RebuildTimer.Result r = rebuild.result();
                md.append(String.format("| %s%s | %,d | %.1f | %,.0f |%n", r.state(),
                        r.error() == null ? "" : ": " + r.error(), r.events(), r.seconds(), r.perSecond()));
            } else {
                md.append("| not measured: ").append(rebuild.problem()).append(" | | | |\n");
            }
            return md.toString();
        }
    }

    private RebuildPhase() {
    }

    static Result run(FunnelStack stack, long events, Duration rebuildTimeout) {
        stack.kill(FunnelService.QUALIFICATION);
        stack.kill(FunnelService.PIPELINE);
        stack.kill(FunnelService.REPORTING);
        EventFlood.Result written = EventFlood.write(stack.broker().bootstrapServers(),
                new SyntheticFunnel(42, Instant.now()), events);
        stack.broker().skipToEnd(REPORTING_GROUP, PROJECTED);
        stack.start(FunnelService.REPORTING);
        RebuildTimer timer = new RebuildTimer(stack.url(FunnelService.REPORTING));
        return new Result(written, Attempt.of(() -> timer.run(rebuildTimeout)));
    }
}
