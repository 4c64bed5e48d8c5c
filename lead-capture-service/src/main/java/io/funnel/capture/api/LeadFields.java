package io.funnel.capture.api;

/** The lead fields a form field may map to. */
final class LeadFields {

    static final String NAMES = "email|firstName|lastName|phone|company|jobTitle|companySize|industry|country|source"
            + "|campaign|visitorId|utm_source|utm_medium|utm_campaign|utm_term|utm_content|consent";

    private LeadFields() {
    }
}
