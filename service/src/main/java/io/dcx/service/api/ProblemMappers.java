package io.dcx.service.api;

import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.LedgerUnavailableException;
import io.dcx.service.application.ledger.TransactionConflictException;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into application/problem+json with a stable code. Bad input is never a 500: only a genuine
 * fault of ours reaches {@link #unexpected(Throwable)}, and that is logged.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response dcx(DcxException e) {
        return problem(e.code(), e.detail(), e.extras());
    }

    @ServerExceptionMapper
    public Response contractRejected(ContractRejectedException e) {
        return problem(ErrorCode.CONTRACT_REJECTED, e.detail(), Map.of("contractCode", e.code()));
    }

    @ServerExceptionMapper
    public Response conflict(TransactionConflictException e) {
        return problem(ErrorCode.LEDGER_CONFLICT, "the ledger rejected a concurrent change; try again", Map.of());
    }

    @ServerExceptionMapper
    public Response unavailable(LedgerUnavailableException e) {
        LOG.warnf("ledger unavailable: %s", e.getMessage());
        return problem(ErrorCode.LEDGER_UNAVAILABLE, "the ledger is not available right now; try again later",
                Map.of());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(ErrorCode.INVALID_REQUEST, detail, Map.of());
    }

    /** A JSON body whose member has the wrong type (an object where a string belongs): 400, not Quarkus' own body. */
    @ServerExceptionMapper
    public Response jsonMismatch(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return problem(ErrorCode.MALFORMED_JSON,
                (path.isEmpty() ? "the body" : path) + " does not have the expected JSON type", Map.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(problem(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required", Map.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dcx\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(ErrorCode.FORBIDDEN, "your roles do not allow this", Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (code == null) {
            return Response.status(status)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status,
                            e.getMessage(), "HTTP_" + status, Map.of()))
                    .build();
        }
        return problem(code, e.getMessage(), Map.of());
    }

    /**
     * A multipart body that ends before its closing boundary, or is not multipart at all, fails in RESTEasy's parser
     * with a plain IOException: the client's fault, a 400. Other IOExceptions stay unexpected.
     */
    @ServerExceptionMapper
    public Response io(java.io.IOException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
                return problem(ErrorCode.INVALID_REQUEST, "the multipart body cannot be read: " + e.getMessage(),
                        Map.of());
            }
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return problem(ErrorCode.DATABASE_UNAVAILABLE, "the database is not available right now; try again later",
                    Map.of());
        }
        LOG.error("unexpected failure", e);
        return problem(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred; it has been logged", Map.of());
    }

    static Response problem(ErrorCode code, String detail, Map<String, Object> extras) {
        int status = statusOf(code.category());
        String title = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
        Problem body = new Problem("https://dcx.example/problems/" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                title, status, detail, code.name(), extras);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    static int statusOf(ErrorCode.Category category) {
        return switch (category) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA -> 415;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }
}
