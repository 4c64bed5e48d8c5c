package io.funnel.capture.messaging;

import io.funnel.capture.persistence.Lead;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.Consent;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadMerged;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.events.LeadEvent.Utm;
import java.time.Instant;

/** Maps the stored lead to the wire events of {@code funnel.leads.v1}. */
public final class LeadEvents {

    private LeadEvents() {
    }

    public static LeadCaptured captured(Lead lead) {
        return new LeadCaptured(lead.id, profile(lead), attribution(lead),
                new Consent(lead.consentMarketing, lead.consentText, lead.consentVersion), lead.visitorId,
                lead.createdAt);
    }

    public static LeadUpdated updated(Lead lead) {
        return new LeadUpdated(lead.id, profile(lead), attribution(lead), lead.updatedAt);
    }

    public static LeadMerged merged(Lead lead, Attribution submission, String visitorId, Instant at) {
        return new LeadMerged(lead.id, visitorId, submission, at);
    }

    public static LeadProfile profile(Lead lead) {
        return new LeadProfile(lead.email, lead.firstName, lead.lastName, lead.phone, lead.company, lead.jobTitle,
                lead.companySize, lead.industry, lead.country);
    }

    static Attribution attribution(Lead lead) {
        return new Attribution(lead.source, lead.campaign,
                new Utm(lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmTerm, lead.utmContent),
                lead.fields);
    }
}
