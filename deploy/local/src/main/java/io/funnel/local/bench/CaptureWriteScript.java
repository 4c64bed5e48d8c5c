package io.funnel.local.bench;

import io.funnel.events.EventTypes;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pgbench script doing, per transaction, what lead-capture-service does for a new lead: look the normalised e-mail
 * up, insert the lead row, insert its outbox row. The row values are those of one {@link LeadCaptured}; its JSON
 * travels as the variable {@code payload} (pgbench {@code -D}). Meant for {@code -M prepared}, as JDBC and the
 * reactive client send statements, so the variables are bound parameters and the JSON needs no quoting.
 */
final class CaptureWriteScript {

    static final String PAYLOAD_VARIABLE = "payload";
    /** A new address per transaction: the lead table's normalised e-mail is unique. */
    private static final String EMAIL = "'bench.' || :n || '@obras.example'";

    private CaptureWriteScript() {
    }

    static String text(LeadCaptured lead) {
        LeadProfile p = lead.profile();
        Attribution a = lead.attribution();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", "gen_random_uuid()");
        row.put("email", EMAIL);
        row.put("normalized_email", EMAIL);
        row.put("first_name", literal(p.firstName()));
        row.put("last_name", literal(p.lastName()));
        row.put("phone", literal(p.phone()));
        row.put("company", literal(p.company()));
        row.put("job_title", literal(p.jobTitle()));
        row.put("company_size", String.valueOf(p.companySize()));
        row.put("industry", literal(p.industry()));
        row.put("country", literal(p.country()));
        row.put("source", literal(a.source()));
        row.put("campaign", literal(a.campaign()));
        row.put("utm_source", literal(a.utm().source()));
        row.put("utm_medium", literal(a.utm().medium()));
        row.put("utm_campaign", literal(a.utm().campaign()));
        row.put("consent_marketing", String.valueOf(lead.consent().marketing()));
        row.put("consent_text", literal(lead.consent().text()));
        row.put("consent_version", literal(lead.consent().version()));
        row.put("visitor_id", literal(lead.visitorId()));
        row.put("created_at", "now()");
        row.put("updated_at", "now()");
        return "\\set n random(1, 9000000000000000000)\n"
                + "BEGIN;\n"
                + "SELECT id FROM lead WHERE normalized_email = " + EMAIL + ";\n"
                + "INSERT INTO lead (" + String.join(", ", row.keySet()) + ")\n"
                + "  VALUES (" + String.join(", ", row.values()) + ")\n"
                + "  RETURNING id AS lead_id \\gset\n"
                + "INSERT INTO outbox_event (id, topic, record_key, type, occurred_at, payload)\n"
                + "  VALUES (gen_random_uuid(), " + literal(lead.topic()) + ", :lead_id, "
                + literal(EventTypes.typeOf(lead)) + ", now(), :" + PAYLOAD_VARIABLE + ");\n"
                + "END;\n";
    }

    /** A SQL string literal; a colon is refused because pgbench would read {@code :word} as a variable. */
    private static String literal(String value) {
        if (value == null) {
            return "null";
        }
        if (value.indexOf(':') >= 0) {
            throw new IllegalArgumentException("pgbench would take part of this for a variable: " + value);
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
