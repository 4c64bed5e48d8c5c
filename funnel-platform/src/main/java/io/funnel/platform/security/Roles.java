package io.funnel.platform.security;

/**
 * The roles of the revenue team, as the identity provider puts them in a token's {@code groups} claim (or, for
 * integrations, its OAuth {@code scope}). Every API names the roles it serves; unannotated endpoints are denied.
 */
public final class Roles {

    /** Forms, campaigns, content, scoring model and personas. */
    public static final String MARKETING = "marketing";
    /** A rep: their own queue, contacts, accept/reject and opportunities; the token's user name is the rep's e-mail. */
    public static final String SALES = "sales";
    /** Every queue, the reps and the assignment rules. */
    public static final String SALES_MANAGER = "sales-manager";
    /** The service-level agreement, goals, reports and projection rebuilds. */
    public static final String REVENUE_OPS = "revenue-ops";
    /** Erasure of a person's data and the webhooks that carry events to other systems. */
    public static final String ADMIN = "admin";
    /** Server-to-server lead capture ({@code POST /api/leads}): a token with the {@code capture} scope or an API key. */
    public static final String CAPTURE = "capture";

    private Roles() {
    }
}
