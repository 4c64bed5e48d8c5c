package io.funnel.local.bench;

import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.time.Duration;
import java.time.Instant;

/**
 * The projection rebuild: a synthetic history written straight into the topics, reporting's live projection left to
 * catch up, then a rebuild of the read tables from every topic, timed. Qualification and pipeline are stopped first,
 * or they would answer the synthetic captures with events of their own while the rebuild runs.
 */
final class RebuildPhase {

    record Result(EventFlood.Result written, LiveProjectionCatchUp.Result live, Attempt<RebuildTimer.Result> rebuild) {

        /** Events per second of a rebuild that finished; 0 otherwise. */
        double eventsPerSecond() {
            return rebuild.measured() && rebuild.result().state().equals("DONE") ? rebuild.result().perSecond() : 0;
        }

        String markdown() {
            StringBuilder md = new StringBuilder(String.format("Written: %,d events of %,d synthetic leads (activity, "
                    + "capture, score, persona, qualification, assignment, contact, acceptance or rejection, "
                    + "opportunities) in %.1f s, %,.0f events/s, one lz4-batching producer.%n%n", written.events(),
                    written.leads(), written.seconds(), written.perSecond()));
            md.append(live.caughtUp()
                    ? String.format("Reporting's live projection had consumed them %.0f s after the first was "
                            + "written (≈ %,.0f events/s, counted by committed offsets, which lag by up to 5 s).%n%n",
                            live.seconds(), written.events() / live.seconds())
                    : String.format("Reporting's live projection had not caught up after %.0f s (%,d records left); "
                            + "the rebuild ran beside it.%n%n", live.seconds(), live.lagLeft()));
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

    static Result run(FunnelStack stack, long events, Duration catchUpTimeout, Duration rebuildTimeout)
            throws InterruptedException {
        stack.kill(FunnelService.QUALIFICATION);
        stack.kill(FunnelService.PIPELINE);
        long start = System.nanoTime();
        EventFlood.Result written = EventFlood.write(stack.broker().bootstrapServers(),
                new SyntheticFunnel(42, Instant.now()), events);
        LiveProjectionCatchUp.Result live = LiveProjectionCatchUp.await(stack.broker(), start, catchUpTimeout);
        RebuildTimer timer = new RebuildTimer(stack.url(FunnelService.REPORTING));
        return new Result(written, live, Attempt.of(() -> timer.run(rebuildTimeout)));
    }
}
