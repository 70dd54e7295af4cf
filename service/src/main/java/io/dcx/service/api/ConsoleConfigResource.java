package io.dcx.service.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the browser console logs in. The console asks before it starts, so one build serves every environment:
 * the realm is the one this service trusts (quarkus.oidc.auth-server-url) unless dcx.console.oidc-url says
 * otherwise (a Keycloak that browsers reach at another address than the service does).
 */
@Path("/api/v1/console/config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "console")
public class ConsoleConfigResource {

    /** The identity provider's realm URL and the console's public OIDC client. */
    public record ConsoleConfig(String oidcUrl, String clientId) {
    }

    private final ConsoleConfig config;

    public ConsoleConfigResource(@ConfigProperty(name = "dcx.console.oidc-url") String oidcUrl,
            @ConfigProperty(name = "dcx.console.client-id") String clientId) {
        this.config = new ConsoleConfig(oidcUrl, clientId);
    }

    @GET
    @PermitAll
    @Operation(summary = "The console's login settings (public, no token)")
    public ConsoleConfig get() {
        return config;
    }
}
