package io.funnel.capture.api;

import io.funnel.capture.domain.FormRateLimiter;
import io.funnel.capture.domain.FormSubmission;
import io.funnel.capture.domain.LeadCaptureService;
import io.funnel.capture.persistence.WebForm;
import io.funnel.platform.api.Problem;
import io.funnel.platform.api.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public edge: plain HTML forms embedded on marketing's sites post here. */
@Path("/forms/{formId}")
@PermitAll
@Tag(name = "Public forms")
public class FormResource {

    public static final String VISITOR_COOKIE = "funnel_vid";

    private final LeadCaptureService capture;
    private final FormRateLimiter rateLimiter;
    private final Validator validator;
    private final MeterRegistry registry;

    public FormResource(LeadCaptureService capture, FormRateLimiter rateLimiter, Validator validator,
            MeterRegistry registry) {
        this.capture = capture;
        this.rateLimiter = rateLimiter;
        this.validator = validator;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Submit a registered web form", description = "303 to the form's thank-you page. A filled "
            + "honeypot is answered the same way and dropped. Rate-limited per client (429).")
    public Uni<Response> submit(@PathParam("formId") String formId, MultivaluedMap<String, String> params,
            @HeaderParam("Origin") String origin, @CookieParam(VISITOR_COOKIE) String visitorCookie,
            @Context HttpServerRequest http) {
        long waitSeconds = rateLimiter.tryAcquire(http.remoteAddress().hostAddress());
        if (waitSeconds > 0) {
            registry.counter("funnel.forms.rate-limited").increment();
            return Uni.createFrom().item(Response.fromResponse(Problem.of(429, "Too Many Requests",
                    "Too many submissions from this address; retry in " + waitSeconds + " s").toResponse())
                    .header("Retry-After", waitSeconds).build());
        }
        return form(formId).chain(form -> {
            checkOrigin(form, origin);
            Map<String, String> fields = firstValues(params);
            Response.ResponseBuilder thanks = Response.seeOther(URI.create(form.thankYouUrl));
            allowOrigin(thanks, form, origin);
            if (FormSubmission.isSpam(form, fields)) {
                registry.counter("funnel.forms.honeypot", "form", form.id).increment();
                return Uni.createFrom().item(thanks.build());
            }
            LeadRequest request = FormSubmission.toLeadRequest(form, fields, visitorCookie);
            Set<ConstraintViolation<LeadRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return capture.capture(request, null).invoke(() ->
                    registry.counter("funnel.forms.submitted", "form", form.id).increment())
                    .replaceWith(thanks.build());
        });
    }

    @OPTIONS
    @Operation(summary = "CORS preflight for the form's allowed origins")
    public Uni<Response> preflight(@PathParam("formId") String formId, @HeaderParam("Origin") String origin) {
        return form(formId).map(form -> {
            checkOrigin(form, origin);
            Response.ResponseBuilder ok = Response.noContent()
                    .header("Access-Control-Allow-Methods", "POST")
                    .header("Access-Control-Allow-Headers", "Content-Type")
                    .header("Access-Control-Max-Age", "600");
            allowOrigin(ok, form, origin);
            return ok.build();
        });
    }

    @GET
    @Path("/example")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "An example page embedding the form")
    public Uni<String> example(@PathParam("formId") String formId) {
        return form(formId).map(ExamplePage::render);
    }

    private static Uni<WebForm> form(String formId) {
        return Panache.withSession(() -> WebForm.<WebForm>findById(formId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Form " + formId));
    }

    /** A browser always sends Origin on a cross-site POST; one not allowed for this form is refused. */
    private static void checkOrigin(WebForm form, String origin) {
        if (origin != null && !"null".equals(origin) && !form.allowedOrigins.contains(origin)) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN,
                    "This form may not be posted from " + origin));
        }
    }

    private static void allowOrigin(Response.ResponseBuilder response, WebForm form, String origin) {
        if (origin != null && form.allowedOrigins.contains(origin)) {
            response.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin")
                    .header("Access-Control-Allow-Credentials", "true");
        }
    }

    private static Map<String, String> firstValues(MultivaluedMap<String, String> params) {
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        return fields;
    }
}
