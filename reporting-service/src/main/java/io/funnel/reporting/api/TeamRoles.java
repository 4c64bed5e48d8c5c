package io.funnel.reporting.api;

import io.funnel.platform.security.Roles;

/** Who may call the reporting API, for {@code @RolesAllowed}. */
final class TeamRoles {

    /**
     * Every role of the revenue team (not an integration's {@code capture}): the reports, the agreement and the live
     * stream are the view all of them share. A configuration expression because an annotation takes no array
     * constant; Quarkus splits the list.
     */
    static final String EVERYONE = "${funnel.reporting.team-roles:" + Roles.MARKETING + "," + Roles.SALES + ","
            + Roles.SALES_MANAGER + "," + Roles.REVENUE_OPS + "," + Roles.ADMIN + "}";

    private TeamRoles() {
    }
}
