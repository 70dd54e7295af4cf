package io.dcx.service.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service serves the built console, answers its deep links with index.html, and leaves the API alone. */
@QuarkusTest
class ConsoleServingTest {

    @Test
    void theConsoleAndItsDeepLinksAreServedAsTheApp() {
        for (String path : new String[] {"/", "/works/wrk_123", "/board", "/supervision/provenance/abc"}) {
            given().get(path).then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .body(containsString("<div id=\"app\">"));
        }
    }

    @Test
    void apiAndQuarkusPathsAndMissingFilesAreNotTurnedIntoTheApp() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/assets/no-such-file.js").then().statusCode(404);
    }

    @Test
    void theConsolesPagesCarryASecurityPolicyThatAllowsOnlyTheServiceAndTheIdentityProvider() {
        given().get("/board").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'wasm-unsafe-eval'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void theLoginSettingsArePublicAndNameTheConsolesOwnClient() {
        given().get("/api/v1/console/config").then().statusCode(200)
                .body("clientId", equalTo("dcx-console"))
                .body("oidcUrl", containsString("/realms/"));
    }

    @Test
    void aPostToAConsolePathIsNotAnsweredWithTheApp() {
        given().post("/works/wrk_123").then().statusCode(org.hamcrest.Matchers.not(200));
    }
}
