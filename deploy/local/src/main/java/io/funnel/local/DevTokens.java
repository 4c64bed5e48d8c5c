package io.funnel.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code ./funnel tokens}: shell exports of a development token per role and of the local capture API key, so that
 * {@code eval "$(./funnel tokens)"} makes the README's curl examples work against {@code ./funnel up}.
 */
public final class DevTokens {

    static final List<String> ROLES = List.of("marketing", "sales", "sales-manager", "revenue-ops", "admin");

    private DevTokens() {
    }

    public static void main(String[] args) {
        Path workDir = Path.of(args.length > 0 ? args[0] : ".funnel");
        for (String role : ROLES) {
            System.out.printf("export %s_TOKEN=%s%n", role.toUpperCase(Locale.ROOT).replace('-', '_'),
                    DevIssuer.token(role));
        }
        System.out.printf("export CAPTURE_API_KEY=%s%n", localApiKey(workDir));
    }

    /** The capture API key of {@code ./funnel up}: made once, kept in {@code .funnel/capture-api-key}. */
    static String localApiKey(Path workDir) {
        Path file = workDir.resolve("capture-api-key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(workDir);
                Files.writeString(file, UUID.randomUUID().toString());
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
