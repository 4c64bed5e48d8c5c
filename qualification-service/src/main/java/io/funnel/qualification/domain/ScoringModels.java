package io.funnel.qualification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.funnel.events.EventCodec;
import io.funnel.platform.api.Problem;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.messaging.BatchMemo;
import io.funnel.qualification.persistence.AdvisoryLock;
import io.funnel.qualification.persistence.ScoringModelVersion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** The versioned scoring model: read the one in force, add a new version (validated, all or nothing). */
@ApplicationScoped
public class ScoringModels {

    /** Serialises concurrent model changes, so version numbers never collide. */
    private static final long CHANGE_LOCK = 0x5C0_12E_D0CL;
    private static final String COMPILED = ScoringModels.class.getName() + ".compiled";

    private final Clock clock;
    private volatile CompiledModel compiled;

    public ScoringModels(Clock clock) {
        this.clock = clock;
    }

    public Uni<ScoringModelVersion> current() {
        return ScoringModelVersion.current()
                .onItem().ifNull().failWith(() -> new IllegalStateException("No scoring model: migration missing"));
    }

    /**
     * The model in force, compiled. Versions never change, so the compiled one is kept until a newer version appears:
     * each batch of events then costs a lookup of the version number instead of parsing the model and compiling its
     * patterns for each event.
     */
    public Uni<CompiledModel> compiledCurrent() {
        return BatchMemo.remember(COMPILED, this::compiledLatest);
    }

    private Uni<CompiledModel> compiledLatest() {
        CompiledModel cached = compiled;
        return ScoringModelVersion.currentVersion().chain(version -> cached != null && version != null
                && cached.version() == version
                ? Uni.createFrom().item(cached)
                : current().map(v -> {
                    CompiledModel model = CompiledModel.of(v.version, parse(v.model));
                    compiled = model;
                    return model;
                }));
    }

    /** Stores the model as the next version; call inside a transaction. Invalid models are refused with 422. */
    public Uni<ScoringModelVersion> change(ScoringModel model, String author) {
        requireValid(model);
        return AdvisoryLock.acquire(CHANGE_LOCK)
                .chain(ScoringModelVersion::current)
                .chain(latest -> {
                    ScoringModelVersion next = new ScoringModelVersion();
                    next.version = latest == null ? 1 : latest.version + 1;
                    next.model = EventCodec.encodeValue(model);
                    next.author = author;
                    next.createdAt = clock.instant();
                    return next.<ScoringModelVersion>persist();
                });
    }

    /** Throws a 422 naming every bad rule, e.g. {@code fitRules[2].pattern}. */
    public static void requireValid(ScoringModel model) {
        List<Problem.FieldError> errors = ModelValidator.validate(model);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(Problem.of(422, "Unprocessable Content", detail).withErrors(errors));
    }

    public static ScoringModel parse(String json) {
        try {
            return EventCodec.mapper().readValue(json, ScoringModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scoring model is not readable", e);
        }
    }
}
