package dev.promesa.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every HTTP response of the service, errors and {@code /q} included: no MIME sniffing, no
 * referrer, never framed; API answers (tickets, names, e-mail addresses) are not kept by caches.
 */
@ApplicationScoped
public class SecurityHeaders {
    /** Before every other route, so even a 404 or 413 gets the headers. */
    static final int ROUTE_ORDER = -10_000;

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(SecurityHeaders::addOnResponse);
    }

    private static void addOnResponse(RoutingContext context) {
        String path = context.normalizedPath();
        context.addHeadersEndHandler(ignored -> apply(context.response().headers(), path));
        context.next();
    }

    static void apply(MultiMap headers, String path) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", "frame-ancestors 'none'");
        }
        if (!ApiKeyFilter.isOpen(path)) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
