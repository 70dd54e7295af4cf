package io.dcx.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.domain.ErrorCode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The upload size limit of {@code POST /api/v1/works}, answered as problem+json before any byte is read.
 *
 * <p>Three guards, all answering 413:
 * <ol>
 * <li>this filter: a declared {@code Content-Length} above {@code dcx.upload.max-bytes} plus
 *     {@value #FORM_ALLOWANCE} bytes for the other parts and the multipart framing is refused at once with a
 *     problem ({@code PAYLOAD_TOO_LARGE}), before the body is read or authentication runs (the connection is then
 *     closed, as the rest of the body is not read);</li>
 * <li>a body without a length (chunked) is cut off by Quarkus REST at {@code quarkus.http.limits.max-body-size},
 *     which must therefore be {@code dcx.upload.max-bytes} + 1M. Quarkus REST answers that itself, with a 413 without
 *     a body, and closes the connection; nothing of the request is kept;</li>
 * <li>{@code WorkRegistration} refuses a file part larger than {@code dcx.upload.max-bytes} that still fit in the
 *     allowance, with the same problem.</li>
 * </ol>
 */
@ApplicationScoped
public class UploadLimit {
    private static final Logger LOG = Logger.getLogger(UploadLimit.class);
    static final String WORKS_PATH = "/api/v1/works";
    /** Room for the title, kind and metadata parts and the multipart boundaries: 1 MiB. */
    static final long FORM_ALLOWANCE = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBytes;

    public UploadLimit(@ConfigProperty(name = "dcx.upload.max-bytes", defaultValue = "52428800") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void filter(@Observes Filters filters) {
        filters.register(this::checkDeclaredLength, 1000);
    }

    private void checkDeclaredLength(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() == HttpMethod.POST && isWorksPath(request.path())) {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.strip());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared > maxBytes + FORM_ALLOWANCE) {
                    refuse(context, "the upload declares " + declared + " bytes; files up to " + maxBytes
                            + " bytes are accepted");
                    return;
                }
            }
        }
        context.next();
    }

    private static boolean isWorksPath(String path) {
        return path != null && (path.equals(WORKS_PATH) || path.equals(WORKS_PATH + "/"));
    }

    private void refuse(RoutingContext context, String detail) {
        LOG.debugf("refusing an upload: %s", detail);
        String body;
        try {
            body = JSON.writeValueAsString(new Problem("https://dcx.example/problems/payload-too-large",
                    "Payload too large", 413, detail, ErrorCode.PAYLOAD_TOO_LARGE.name(), Map.of("maxBytes", maxBytes)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // the rest of the body is not read: the connection cannot carry another request
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
