package io.funnel.capture.domain;

import java.util.Locale;
import java.util.Set;

/**
 * The key two submissions of one person share: trimmed and lower-cased, with the plus-tag removed for providers known
 * to ignore it (and Gmail's dots, which Gmail ignores too).
 */
public final class EmailNormalizer {

    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> PLUS_TAG_PROVIDERS = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "icloud.com", "me.com", "fastmail.com", "protonmail.com", "proton.me",
            "yahoo.com");

    private EmailNormalizer() {
    }

    public static String normalize(String email) {
        String trimmed = email.strip().toLowerCase(Locale.ROOT);
        int at = trimmed.lastIndexOf('@');
        if (at <= 0) {
            return trimmed;
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (PLUS_TAG_PROVIDERS.contains(domain) && local.indexOf('+') > 0) {
            local = local.substring(0, local.indexOf('+'));
        }
        if (GMAIL.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
