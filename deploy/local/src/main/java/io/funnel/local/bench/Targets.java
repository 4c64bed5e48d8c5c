package io.funnel.local.bench;

/** The targets for this machine, each beside what the run measured and whether it was met. */
final class Targets {

    private final StringBuilder rows = new StringBuilder("| target | measured | verdict |\n|---|---|---|\n");

    void judge(String target, String measured, boolean met) {
        row(target, measured, met ? "met" : "**missed**");
    }

    /** Measured, but not under the target's conditions (quick mode, a failed step). */
    void notJudged(String target, String measured, String why) {
        row(target, measured, "n/a: " + why);
    }

    String markdown() {
        return rows.toString();
    }

    private void row(String target, String measured, String verdict) {
        rows.append("| ").append(target).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }
}
