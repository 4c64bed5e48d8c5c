package io.funnel.events;

import java.util.List;

/** Topic names of the funnel vocabulary; each has a dead-letter twin, see {@link #deadLetter(String)}. */
public final class Topics {

    public static final String ACTIVITIES = "funnel.activities.v1";
    public static final String LEADS = "funnel.leads.v1";
    public static final String MARKETING = "funnel.marketing.v1";
    public static final String QUALIFICATION = "funnel.qualification.v1";
    public static final String PIPELINE = "funnel.pipeline.v1";
    /** Compacted: the last record per key is the agreement in force. */
    public static final String AGREEMENTS = "funnel.agreements.v1";

    public static final List<String> ALL = List.of(ACTIVITIES, LEADS, MARKETING, QUALIFICATION, PIPELINE, AGREEMENTS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    public static boolean isCompacted(String topic) {
        return AGREEMENTS.equals(topic);
    }
}
