package io.funnel.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Events on {@link Topics#LEADS}, keyed by lead id. */
public sealed interface LeadEvent extends FunnelEvent {

    UUID leadId();

    @Override
    default String key() {
        return leadId().toString();
    }

    @Override
    default String topic() {
        return Topics.LEADS;
    }

    /** Who the lead is. Personal fields are erased everywhere on {@link LeadErased}. */
    record LeadProfile(String email, String firstName, String lastName, String phone, String company, String jobTitle,
            Integer companySize, String industry, String country) {

        public String emailDomain() {
            if (email == null || email.indexOf('@') < 0) {
                return null;
            }
            return email.substring(email.lastIndexOf('@') + 1);
        }
    }

    record Utm(String source, String medium, String campaign, String term, String content) {
    }

    /** Where the lead came from. */
    record Attribution(String source, String campaign, Utm utm, Map<String, String> fields) {
    }

    record Consent(boolean marketing, String text, String version) {
    }

    record LeadCaptured(UUID leadId, LeadProfile profile, Attribution attribution, Consent consent, String visitorId,
            Instant occurredAt) implements LeadEvent {

        public LeadCaptured {
            Require.present(leadId, "leadId");
            Require.present(profile, "profile");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record LeadUpdated(UUID leadId, LeadProfile profile, Attribution attribution, Instant occurredAt)
            implements LeadEvent {

        public LeadUpdated {
            Require.present(leadId, "leadId");
            Require.present(profile, "profile");
            Require.present(occurredAt, "occurredAt");
        }
    }

    /** A later submission (or visitor) was folded into an existing lead. */
    record LeadMerged(UUID leadId, String visitorId, Attribution attribution, Instant occurredAt) implements LeadEvent {

        public LeadMerged {
            Require.present(leadId, "leadId");
            Require.present(occurredAt, "occurredAt");
        }
    }

    /** Right to be forgotten: every service erases the lead's personal data. */
    record LeadErased(UUID leadId, Instant occurredAt) implements LeadEvent {

        public LeadErased {
            Require.present(leadId, "leadId");
            Require.present(occurredAt, "occurredAt");
        }
    }
}
