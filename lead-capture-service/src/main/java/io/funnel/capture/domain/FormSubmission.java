package io.funnel.capture.domain;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.funnel.capture.api.LeadRequest;
import io.funnel.capture.persistence.WebForm;
import io.funnel.platform.api.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns the fields of a plain HTML form post into a lead request, following the form's field mapping. */
public final class FormSubmission {

    private static final Set<String> LEAD_FIELDS = Set.of("email", "firstName", "lastName", "phone", "company",
            "jobTitle", "companySize", "industry", "country", "source", "campaign", "visitorId");
    private static final Set<String> CHECKED = Set.of("on", "true", "yes", "1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormSubmission() {
    }

    /** True when the hidden honeypot field was filled in: a bot. */
    public static boolean isSpam(WebForm form, Map<String, String> fields) {
        String trap = form.honeypotField == null ? null : fields.get(form.honeypotField);
        return trap != null && !trap.isBlank();
    }

    public static LeadRequest toLeadRequest(WebForm form, Map<String, String> fields, String visitorCookie) {
        Map<String, Object> lead = new LinkedHashMap<>();
        Map<String, String> utm = new LinkedHashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        boolean consent = false;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            String value = field.getValue();
            String target = form.fieldMapping.getOrDefault(name, name);
            if (name.equals(form.honeypotField) || value == null || value.isBlank()) {
                continue;
            }
            if (target.equals("consent")) {
                consent = CHECKED.contains(value.toLowerCase());
            } else if (target.startsWith("utm_")) {
                utm.put(target.substring(4), value);
            } else if (LEAD_FIELDS.contains(target)) {
                lead.put(target, value);
            } else {
                custom.put(name, value);
            }
        }
        lead.putIfAbsent("visitorId", visitorCookie);
        lead.putIfAbsent("source", "form:" + form.id);
        if (!utm.isEmpty()) {
            lead.put("utm", utm);
        }
        if (!custom.isEmpty()) {
            lead.put("fields", custom);
        }
        lead.put("consent", Map.of("marketing", consent,
                "text", form.consentText == null ? "" : form.consentText,
                "version", form.consentVersion == null ? "" : form.consentVersion));
        try {
            return JSON.convertValue(lead, LeadRequest.class);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "form";
            throw ProblemException.badRequest(field, "cannot be read");
        }
    }
}
