package io.dcx.service.e2e;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service on a fixed port for the browser tests: Keycloak sends the browser back only to registered redirect
 * URIs, and the realm's dcx-console client lists http://127.0.0.1:8090/* for this purpose. All browser tests share
 * this profile, so Quarkus restarts once for them.
 */
public class ConsoleE2eProfile implements QuarkusTestProfile {
    /** 8090; DCX_E2E_PORT picks another registered port (a second run on the same machine). */
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("DCX_E2E_PORT", "8090"));

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", String.valueOf(PORT));
    }
}
