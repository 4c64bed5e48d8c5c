package io.funnel.capture.domain;

import io.funnel.capture.api.LeadReceipt;
import io.funnel.capture.persistence.IdempotentRequest;
import io.funnel.events.EventCodec;
import io.funnel.platform.api.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/** Remembers the answer to each {@code Idempotency-Key} in the capture transaction. */
@ApplicationScoped
public class IdempotencyKeys {

    private final Clock clock;

    public IdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    /** The stored answer for this key, null when the key is new (or absent); 422 when reused for another body. */
    public Uni<LeadReceipt> replay(String key, Object request) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return IdempotentRequest.<IdempotentRequest>findById(key).map(stored -> {
            if (stored == null) {
                return null;
            }
            if (!stored.requestHash.equals(hash(request))) {
                throw ProblemException.unprocessable("Idempotency-Key",
                        "was already used for a different request; use a new key for a new request");
            }
            return new LeadReceipt(stored.leadId, LeadReceipt.Status.valueOf(stored.body));
        });
    }

    public Uni<Void> remember(String key, Object request, LeadReceipt receipt) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        IdempotentRequest stored = new IdempotentRequest();
        stored.idempotencyKey = key;
        stored.requestHash = hash(request);
        stored.status = receipt.status() == LeadReceipt.Status.CAPTURED ? 201 : 200;
        stored.leadId = receipt.leadId();
        stored.body = receipt.status().name();
        stored.createdAt = clock.instant();
        return stored.persist().replaceWithVoid();
    }

    private static String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EventCodec.encodeValue(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
