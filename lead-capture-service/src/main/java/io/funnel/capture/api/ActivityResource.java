package io.funnel.capture.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.funnel.capture.domain.ActivityRecorder;
import io.funnel.platform.api.Problem;
import io.funnel.platform.api.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/activities")
@PermitAll
@Tag(name = "Activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    public static final int MAX_BATCH = 500;

    /** How many activities were stored, and their ids in request order. */
    public record Accepted(int accepted, List<UUID> activityIds) {
    }

    private final ActivityRecorder recorder;
    private final ObjectMapper json;
    private final Validator validator;

    public ActivityResource(ActivityRecorder recorder, ObjectMapper json, Validator validator) {
        this.recorder = recorder;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record visitor activity", description = "One activity object, or an array of up to 500. "
            + "Anonymous activity (visitorId only) is linked to the lead once the visitor identifies.")
    public Uni<Response> record(JsonNode body) throws Exception {
        List<ActivityRequest> batch = parse(body);
        return recorder.record(batch).map(ids -> Response.accepted(new Accepted(ids.size(), ids)).build());
    }

    private List<ActivityRequest> parse(JsonNode body) throws Exception {
        if (body == null || body.isNull() || !(body.isObject() || body.isArray())) {
            throw ProblemException.badRequest("body", "must be an activity object or an array of them");
        }
        if (body.isArray() && body.size() > MAX_BATCH) {
            throw new ProblemException(Problem.of(413, "Content Too Large",
                    "A batch holds at most " + MAX_BATCH + " activities; got " + body.size()));
        }
        if (body.isArray() && body.isEmpty()) {
            throw ProblemException.unprocessable("body", "the batch is empty");
        }
        List<ActivityRequest> batch = new ArrayList<>();
        if (body.isObject()) {
            batch.add(json.treeToValue(body, ActivityRequest.class));
        } else {
            for (JsonNode item : body) {
                batch.add(json.treeToValue(item, ActivityRequest.class));
            }
        }
        validate(batch);
        return batch;
    }

    private void validate(List<ActivityRequest> batch) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String prefix = batch.size() == 1 ? "" : "[" + i + "].";
            for (ConstraintViolation<ActivityRequest> v : validator.validate(batch.get(i))) {
                String path = v.getPropertyPath().toString();
                errors.add(new Problem.FieldError(prefix + ("identified".equals(path) ? "visitorId" : path),
                        v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(Problem.of(422, "Unprocessable Content", detail).withErrors(errors));
        }
    }
}
