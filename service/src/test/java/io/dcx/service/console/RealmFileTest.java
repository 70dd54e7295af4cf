package io.dcx.service.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The realm file Keycloak imports at start (network-config/keycloak/dcx-realm.json). Keycloak refuses to start on a
 * client with a malformed redirect URI, and then every suite that needs it fails at once; this finds such an edit
 * before a Keycloak is started. It also pins what the console and its browser tests rely on.
 */
class RealmFileTest {
    private static final Path REALM = Path.of("..", "network-config", "keycloak", "dcx-realm.json");

    @Test
    void everyRedirectAndLogoutUriOfEveryClientIsAValidUri() throws IOException {
        List<String> bad = new ArrayList<>();
        for (JsonNode client : realm().path("clients")) {
            List<String> uris = new ArrayList<>();
            client.path("redirectUris").forEach(u -> uris.add(u.asText()));
            String logout = client.path("attributes").path("post.logout.redirect.uris").asText("");
            if (!logout.isEmpty()) {
                uris.addAll(List.of(logout.split("##")));
            }
            for (String uri : uris) {
                if (!isRedirectUri(uri)) {
                    bad.add(client.path("clientId").asText() + ": " + uri);
                }
            }
            client.path("webOrigins").forEach(o -> {
                if (!o.asText().equals("+") && !o.asText().matches("https?://[^/#?*]+")) {
                    bad.add(client.path("clientId").asText() + " web origin: " + o.asText());
                }
            });
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void theConsoleIsAPublicPkceClientThatMayReturnToTheServiceAndTheBrowserTests() throws IOException {
        JsonNode console = null;
        for (JsonNode client : realm().path("clients")) {
            if (client.path("clientId").asText().equals("dcx-console")) {
                console = client;
            }
        }
        assertTrue(console != null, "client dcx-console");
        assertTrue(console.path("publicClient").asBoolean());
        assertTrue(console.path("standardFlowEnabled").asBoolean());
        assertEquals(false, console.path("implicitFlowEnabled").asBoolean());
        assertEquals(false, console.path("directAccessGrantsEnabled").asBoolean());
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
        List<String> redirects = new ArrayList<>();
        console.path("redirectUris").forEach(u -> redirects.add(u.asText()));
        assertTrue(redirects.contains("http://127.0.0.1:8080/*"), redirects.toString());
        assertTrue(redirects.contains("http://127.0.0.1:8090/*"), redirects.toString());
    }

    private static boolean isRedirectUri(String uri) {
        if (uri.contains("#") || uri.isBlank()) {
            return false;
        }
        String withoutWildcard = uri.endsWith("*") ? uri.substring(0, uri.length() - 1) : uri;
        try {
            URI parsed = new URI(withoutWildcard);
            return parsed.getScheme() != null && parsed.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(REALM.toFile());
    }
}
