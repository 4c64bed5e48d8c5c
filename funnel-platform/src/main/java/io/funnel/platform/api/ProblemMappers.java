package io.funnel.platform.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of an HTTP call into {@code application/problem+json}; client mistakes never become 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonParseException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response unreadable(ValueInstantiationException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "Cannot produce the requested media type";
            case 413 -> "Request body too large (limit 64 KiB)";
            case 415 -> "Unsupported content type; send application/json";
            default -> status.getReasonPhrase();
        };
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                "A valid bearer token is required (Authorization: Bearer <token>)").toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your roles do not allow this operation").toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (databaseUnavailable(e)) {
            return unavailable(e);
        }
        LOG.error("Unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged").toResponse();
    }

    /**
     * The database is down, restarting or dropped the connection (refused or reset sockets, a closed connection,
     * SQLSTATE classes 08 and 57P): not a bug, and nothing was committed. A refused connection is a SocketException.
     */
    private static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof ClosedConnectionException
                    || cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof CompositeException composite
                    && composite.getCauses().stream().anyMatch(ProblemMappers::databaseUnavailable)) {
                return true;
            }
        }
        return false;
    }

    private static Response unavailable(Throwable e) {
        LOG.warnf("Dependency unavailable: %s", e.getMessage());
        Problem problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "Temporarily unavailable; retry later (a retry with the same Idempotency-Key never stores twice)");
        return Response.fromResponse(problem.toResponse()).header("Retry-After", "5").build();
    }

    private static Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(422, "Unprocessable Content", detail).withErrors(errors).toResponse();
    }

    /** {@code capture.request.utm.source} → {@code utm.source}: drop the method and parameter nodes. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.PARAMETER)
                .map(ProblemMappers::nodeName)
                .collect(Collectors.joining("."));
        return field.isEmpty() ? "body" : field;
    }

    private static String nodeName(Path.Node node) {
        if (node.getKey() != null) {
            return node.getName() + "[" + node.getKey() + "]";
        }
        return node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName();
    }

    private static Response malformed(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        String reason = e.getOriginalMessage() == null ? "Malformed JSON" : e.getOriginalMessage().lines().findFirst()
                .orElse("Malformed JSON");
        Problem problem = Problem.of(Response.Status.BAD_REQUEST,
                field == null ? "Malformed JSON body: " + reason : "Field " + field + " cannot be read: " + reason);
        return (field == null ? problem : problem.withErrors(List.of(new Problem.FieldError(field, reason))))
                .toResponse();
    }
}
