package io.dcx.service.infrastructure.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Deep links into the console. The console routes in the browser (/works/wrk_…, /board, /supervision/audit), so a
 * reload or a shared link asks the service for a path that is no file: those GETs get the console's index.html.
 * Paths of the API (/api), of Quarkus (/q) and anything with a file extension are left alone, so a mistyped API
 * path still answers 404 problem+json and a missing asset still answers 404.
 */
@ApplicationScoped
public class ConsoleRoutes {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (ctx.request().method() == HttpMethod.GET && isConsolePath(ctx.normalizedPath())) {
                ctx.reroute("/index.html");
            } else {
                ctx.next();
            }
        });
    }

    static boolean isConsolePath(String path) {
        if (path == null || path.equals("/") || path.startsWith("/api/") || path.equals("/api")
                || path.startsWith("/q/") || path.equals("/q")) {
            return false;
        }
        int lastSlash = path.lastIndexOf('/');
        return path.indexOf('.', lastSlash) < 0;
    }
}
