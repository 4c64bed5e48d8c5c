package io.funnel.reporting.domain;

/** What a lead is grouped by in reports; any attribute may be unknown (null). */
public record LeadProfile(String source, String campaign, String content, String persona, String repId) {

    public static final LeadProfile UNKNOWN = new LeadProfile(null, null, null, null, null);
}
