package io.dcx.service.infrastructure.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the browser console's routes and guards its pages.
 * <ul>
 * <li>Deep links: the console routes in the browser (/works/wrk_…, /board, /supervision/audit), so a reload or a
 * shared link asks the service for a path that is no file. Those GETs get the console's index.html. Paths of the
 * API (/api), of Quarkus (/q) and anything with a file extension are left alone, so a mistyped API path still
 * answers 404 problem+json and a missing asset still answers 404.</li>
 * <li>Headers on the console's files: a Content-Security-Policy that lets scripts come only from the service
 * (plus WebAssembly, which the in-browser SHA-256 uses) and lets the page talk only to the service and the
 * identity provider; no framing; no MIME sniffing.</li>
 * </ul>
 */
@ApplicationScoped
public class ConsoleRoutes {
    private final String contentSecurityPolicy;

    public ConsoleRoutes(@ConfigProperty(name = "dcx.console.oidc-url") String oidcUrl) {
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; "
                + "connect-src 'self' " + origin(oidcUrl) + "; frame-src " + origin(oidcUrl) + "; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + origin(oidcUrl);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (isApiPath(path)) {
                ctx.next();
                return;
            }
            HttpServerResponse response = ctx.response();
            response.putHeader("Content-Security-Policy", contentSecurityPolicy);
            response.putHeader("X-Content-Type-Options", "nosniff");
            response.putHeader("Referrer-Policy", "same-origin");
            if (ctx.request().method() == HttpMethod.GET && isConsoleRoute(path)) {
                ctx.reroute("/index.html");
            } else {
                ctx.next();
            }
        });
    }

    static boolean isApiPath(String path) {
        return path == null || path.equals("/api") || path.startsWith("/api/") || path.equals("/q")
                || path.startsWith("/q/");
    }

    /** A console route: not the root (index.html is served there anyway), not an API path, no file extension. */
    static boolean isConsoleRoute(String path) {
        if (path.equals("/") || isApiPath(path)) {
            return false;
        }
        return path.indexOf('.', path.lastIndexOf('/')) < 0;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
