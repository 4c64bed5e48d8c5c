package io.funnel.platform.api;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A refusal the client can act on (404, 409, 422…), answered as problem+json; never for server faults. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, what + " not found"));
    }

    /** 409 with the current state, so the client sees why its transition was refused. */
    public static ProblemException conflict(String detail, Map<String, Object> currentState) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, detail).withExtensions(currentState));
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", field + ": " + message)
                .withErrors(java.util.List.of(new Problem.FieldError(field, message))));
    }

    /** 400 for a malformed parameter, naming it. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, field + ": " + message)
                .withErrors(java.util.List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
