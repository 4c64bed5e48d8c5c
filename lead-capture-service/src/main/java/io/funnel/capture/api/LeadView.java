package io.funnel.capture.api;

import io.funnel.capture.persistence.Lead;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A lead as {@code GET /api/leads} shows it. */
public record LeadView(UUID leadId, String email, String firstName, String lastName, String phone, String company,
        String jobTitle, Integer companySize, String industry, String country, String source, String campaign,
        LeadRequest.Utm utm, LeadRequest.Consent consent, String visitorId, Map<String, String> fields,
        Instant createdAt, Instant updatedAt) {

    static LeadView of(Lead l) {
        return new LeadView(l.id, l.email, l.firstName, l.lastName, l.phone, l.company, l.jobTitle, l.companySize,
                l.industry, l.country, l.source, l.campaign,
                new LeadRequest.Utm(l.utmSource, l.utmMedium, l.utmCampaign, l.utmTerm, l.utmContent),
                new LeadRequest.Consent(l.consentMarketing, l.consentText, l.consentVersion), l.visitorId, l.fields,
                l.createdAt, l.updatedAt);
    }
}
