package io.funnel.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local development identity provider: signs RS256 bearer tokens with the key pair in {@code dev-issuer/} (public,
 * so trusted only by the test profile and the local stack). {@code ./funnel up} prints one token per role; tests ask
 * for the token of the role they exercise.
 */
public final class DevIssuer {

    public static final String ISSUER = "https://funnel.local/dev-issuer";
    public static final String PUBLIC_KEY_RESOURCE = "dev-issuer/public-key.pem";

    /**
     * The people of the local stack. A sales token's subject is the rep's e-mail, which links it to the rep: Lucia is
     * the first rep that {@code ./funnel demo} hires.
     */
    public static final Map<String, String> USERS = Map.of(
            "marketing", "marketing@funnel.local",
            "sales", "lucia@sales.example",
            "sales-manager", "manager@funnel.local",
            "revenue-ops", "revops@funnel.local",
            "admin", "admin@funnel.local",
            "capture", "web-integration");

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final PrivateKey KEY = privateKey();

    private DevIssuer() {
    }

    /** A token for the local user of that role, valid for 12 hours. */
    public static String token(String role) {
        return token(USERS.getOrDefault(role, role + "@funnel.local"), List.of(role), Duration.ofHours(12));
    }

    /** A token for any subject (e.g. a rep's e-mail) with the given roles; a negative lifetime gives an expired one. */
    public static String token(String subject, Collection<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        String claims = "{" + field("iss", ISSUER) + "," + field("sub", subject) + "," + field("upn", subject) + ","
                + field("jti", UUID.randomUUID().toString()) + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"groups\":["
                + roles.stream().map(DevIssuer::quote).collect(Collectors.joining(",")) + "]}";
        return sign(claims);
    }

    /** A client-credentials style token: no roles, a space-separated OAuth {@code scope} instead. */
    public static String scopedToken(String client, String scope) {
        Instant now = Instant.now();
        return sign("{" + field("iss", ISSUER) + "," + field("sub", client) + "," + field("scope", scope)
                + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(Duration.ofHours(12)).getEpochSecond()
                + "}");
    }

    /** Writes the public key where a service process can read it; answers the path to configure. */
    public static Path writePublicKey(Path directory) {
        try (InputStream in = resource(PUBLIC_KEY_RESOURCE)) {
            Files.createDirectories(directory);
            Path file = directory.resolve("dev-issuer-public-key.pem");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sign(String claims) {
        String signingInput = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KEY);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static PrivateKey privateKey() {
        try (InputStream in = resource("dev-issuer/private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DevIssuer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }
}
