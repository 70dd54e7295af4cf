package io.dcx.service.api;

import io.dcx.service.domain.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters with a NUL character ({@code %00}) are refused before any resource sees them:
 * PostgreSQL cannot hold a NUL in text, so a look-up by such an id would fail in the database (a 500) instead of
 * answering that the request is bad.
 */
public class NulParameterFilter {

    @ServerRequestFilter
    public Response refuseNul(ContainerRequestContext request) {
        String bad = firstWithNul(request.getUriInfo().getPathParameters());
        String where = "path";
        if (bad == null) {
            bad = firstWithNul(request.getUriInfo().getQueryParameters());
            where = "query";
        }
        if (bad == null) {
            return null;
        }
        return ProblemMappers.problem(ErrorCode.INVALID_REQUEST,
                "the " + where + " parameter '" + bad + "' contains a NUL character (%00)", Map.of());
    }

    private static String firstWithNul(MultivaluedMap<String, String> params) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getKey().indexOf('\0') >= 0) {
                return e.getKey().replace('\0', '?');
            }
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\0') >= 0) {
                    return e.getKey();
                }
            }
        }
        return null;
    }
}
