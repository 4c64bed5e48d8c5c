package io.funnel.capture.domain;

import io.funnel.capture.api.LeadReceipt;
import io.funnel.capture.api.LeadRequest;
import io.funnel.capture.messaging.LeadEvents;
import io.funnel.capture.persistence.Lead;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.Utm;
import io.funnel.platform.SafeContext;
import io.funnel.platform.messaging.Outbox;
import io.funnel.platform.persistence.GroupCommit;
import io.funnel.platform.persistence.HeldInserts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Stores a submitted lead and publishes it through the outbox in one transaction. A submission whose normalised
 * e-mail is already known updates that lead instead ({@code LeadUpdated} and {@code LeadMerged}).
 */
@ApplicationScoped
public class LeadCaptureService {

    private final Outbox outbox;
    private final VisitorStitching stitching;
    private final IdempotencyKeys idempotency;
    private final Clock clock;
    private final MeterRegistry registry;
    private final GroupCommit<Submission, CaptureResult> commits;

    public LeadCaptureService(Outbox outbox, VisitorStitching stitching, IdempotencyKeys idempotency, Clock clock,
            MeterRegistry registry, SafeContext contexts,
            @ConfigProperty(name = "funnel.capture.group-commit.max-leads") int maxLeads,
            @ConfigProperty(name = "funnel.capture.group-commit.max-transactions") int maxTransactions) {
        this.outbox = outbox;
        this.stitching = stitching;
        this.idempotency = idempotency;
        this.clock = clock;
        this.registry = registry;
        this.commits = new GroupCommit<>(contexts, this::captureTogether, this::captureAlone, maxLeads,
                maxTransactions);
    }

    /**
     * Captures or merges the lead; with an idempotency key, a retry of the same request gets the first answer and
     * creates nothing. Concurrent captures share a transaction ({@link GroupCommit}); each gets the answer it would
     * have got alone.
     */
    public Uni<CaptureResult> capture(LeadRequest request, String idempotencyKey) {
        return commits.submit(new Submission(request, idempotencyKey))
                .invoke(result -> registry.counter("funnel.leads.received", "status",
                        result.replayed() ? "REPLAYED" : result.receipt().status().name()).increment());
    }

    private Uni<List<CaptureResult>> captureTogether(List<Submission> submissions) {
        return Panache.withTransaction(() -> HeldInserts.holding(() -> Multi.createFrom().iterable(submissions)
                .onItem().transformToUniAndConcatenate(this::captureInTransaction)
                .collect().asList()));
    }

    private Uni<CaptureResult> captureAlone(Submission submission) {
        return Panache.withTransaction(() -> captureInTransaction(submission))
                // Two first submissions of one address (or key) at once: the loser retries and merges (or replays).
                .onFailure(LeadCaptureService::isDuplicateKey).retry().atMost(2);
    }

    private Uni<CaptureResult> captureInTransaction(Submission submission) {
        LeadRequest request = submission.request();
        String key = submission.idempotencyKey();
        return idempotency.replay(key, request).chain(replayed -> replayed != null
                ? Uni.createFrom().item(new CaptureResult(replayed, true))
                : captureOnce(request, EmailNormalizer.normalize(request.email()))
                        .call(receipt -> idempotency.remember(key, request, receipt))
                        .map(receipt -> new CaptureResult(receipt, false)));
    }

    private Uni<LeadReceipt> captureOnce(LeadRequest request, String email) {
        return Lead.findByNormalizedEmail(email)
                .chain(existing -> existing == null ? create(request, email) : merge(existing, request))
                .call(receipt -> stitching.identify(request.visitorId(), receipt.leadId()));
    }

    private Uni<LeadReceipt> create(LeadRequest request, String normalizedEmail) {
        Instant now = clock.instant();
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.normalizedEmail = normalizedEmail;
        lead.createdAt = now;
        apply(lead, request, now);
        return lead.<Lead>persist()
                .chain(saved -> outbox.publish(LeadEvents.captured(saved)))
                .replaceWith(new LeadReceipt(lead.id, LeadReceipt.Status.CAPTURED));
    }

    private Uni<LeadReceipt> merge(Lead lead, LeadRequest request) {
        Instant now = clock.instant();
        apply(lead, request, now);
        return outbox.publishAll(List.of(
                        LeadEvents.updated(lead),
                        LeadEvents.merged(lead, attribution(request), request.visitorId(), now)))
                .replaceWith(new LeadReceipt(lead.id, LeadReceipt.Status.MERGED));
    }

    /** The latest submission wins for every field it carries; absent fields keep what was known. */
    private static void apply(Lead lead, LeadRequest r, Instant now) {
        lead.email = r.email().strip();
        lead.firstName = latest(r.firstName(), lead.firstName);
        lead.lastName = latest(r.lastName(), lead.lastName);
        lead.phone = latest(r.phone(), lead.phone);
        lead.company = latest(r.company(), lead.company);
        lead.jobTitle = latest(r.jobTitle(), lead.jobTitle);
        lead.companySize = r.companySize() != null ? r.companySize() : lead.companySize;
        lead.industry = latest(r.industry(), lead.industry);
        lead.country = latest(r.country(), lead.country);
        lead.source = latest(r.source(), lead.source);
        lead.campaign = latest(r.campaign(), lead.campaign);
        if (r.utm() != null) {
            lead.utmSource = latest(r.utm().source(), lead.utmSource);
            lead.utmMedium = latest(r.utm().medium(), lead.utmMedium);
            lead.utmCampaign = latest(r.utm().campaign(), lead.utmCampaign);
            lead.utmTerm = latest(r.utm().term(), lead.utmTerm);
            lead.utmContent = latest(r.utm().content(), lead.utmContent);
        }
        if (r.consent() != null) {
            lead.consentMarketing = r.consent().marketing();
            lead.consentText = r.consent().text();
            lead.consentVersion = r.consent().version();
        }
        lead.visitorId = latest(r.visitorId(), lead.visitorId);
        if (r.fields() != null && !r.fields().isEmpty()) {
            var merged = new java.util.TreeMap<String, String>(lead.fields == null ? java.util.Map.of() : lead.fields);
            merged.putAll(r.fields());
            lead.fields = merged;
        }
        lead.updatedAt = now;
    }

    private static Attribution attribution(LeadRequest r) {
        Utm utm = r.utm() == null ? null
                : new Utm(r.utm().source(), r.utm().medium(), r.utm().campaign(), r.utm().term(), r.utm().content());
        return new Attribution(r.source(), r.campaign(), utm, r.fields());
    }

    private static String latest(String submitted, String known) {
        return submitted == null || submitted.isBlank() ? known : submitted.strip();
    }

    private record Submission(LeadRequest request, String idempotencyKey) {
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
