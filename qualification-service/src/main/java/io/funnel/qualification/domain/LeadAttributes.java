package io.funnel.qualification.domain;

import java.util.List;

/** What the rules may read of a lead: no names, e-mail addresses or phone numbers. */
public record LeadAttributes(String jobTitle, Integer companySize, String industry, String country,
        String emailDomain, boolean hasPhone) {

    public static final List<String> NAMES = List.of("jobTitle", "companySize", "industry", "country",
            "emailDomain", "phone");

    /** The attribute's value as text; null when unknown. */
    public String valueOf(String attribute) {
        return switch (attribute) {
            case "jobTitle" -> jobTitle;
            case "companySize" -> companySize == null ? null : companySize.toString();
            case "industry" -> industry;
            case "country" -> country;
            case "emailDomain" -> emailDomain;
            case "phone" -> hasPhone ? "given" : null;
            default -> throw new IllegalArgumentException("Unknown attribute " + attribute);
        };
    }
}
