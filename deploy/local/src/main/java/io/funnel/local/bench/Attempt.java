package io.funnel.local.bench;

/**
 * A measurement that may not be possible here (a tool missing, a reference failing); the report then says why
 * instead of the whole benchmark failing.
 */
record Attempt<T>(T result, String problem) {

    @FunctionalInterface
    interface Measurement<T> {
        T run() throws Exception;
    }

    private static final int LONGEST_PROBLEM = 400;

    static <T> Attempt<T> of(Measurement<T> measurement) {
        try {
            return new Attempt<>(measurement.run(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return skipped("interrupted");
        } catch (Exception e) {
            e.printStackTrace(System.err);
            return skipped(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Not measured; {@code why} goes into a Markdown table cell, so it is kept to one short line. */
    static <T> Attempt<T> skipped(String why) {
        String line = why.replaceAll("\\s+", " ").replace("|", "/");
        return new Attempt<>(null, line.length() > LONGEST_PROBLEM ? line.substring(0, LONGEST_PROBLEM) + "…" : line);
    }

    boolean measured() {
        return result != null;
    }
}
