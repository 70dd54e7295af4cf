package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole path with real tokens: password grant on the dcx-cli client of the real Keycloak that ./dcx test
 * started (realm dcx, demo users), then the API validates them against that Keycloak.
 */
@QuarkusTest
class RealKeycloakTest {

    static String tokenFor(String user) {
        String realm = System.getenv("DCX_TEST_OIDC_URL");
        if (realm == null || realm.isBlank()) {
            throw new IllegalStateException("DCX_TEST_OIDC_URL is not set: run the tests through ./dcx test");
        }
        return RestAssured.given()
                .baseUri(realm)
                .formParam("grant_type", "password")
                .formParam("client_id", "dcx-cli")
                .formParam("username", user)
                .formParam("password", "dcx-demo")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void aCreatorWithARealTokenRegistersAWorkAndReadsItsProvenance() {
        String alice = tokenFor("alice");
        byte[] bytes = ("poem " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        String id = given().auth().oauth2(alice)
                .multiPart("file", "poem.txt", bytes, "text/plain")
                // rest-assured sends text parts as ISO-8859-1 unless told otherwise; a browser sends UTF-8.
                .multiPart(new MultiPartSpecBuilder("春江花月夜 (a study)").controlName("title").charset("UTF-8").build())
                .multiPart("kind", "TEXT")
                .post("/api/v1/works")
                .then().statusCode(201)
                .body("txId", notNullValue())
                .body("blockNumber", greaterThanOrEqualTo(1))
                .body("title", equalTo("春江花月夜 (a study)"))
                .extract().path("id");

        given().auth().oauth2(alice).get("/api/v1/works/" + id + "/provenance")
                .then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].blockNumber", notNullValue())
                .body("entries[0].txId", notNullValue());

        // Another role reads the same work with its own real token.
        given().auth().oauth2(tokenFor("rita")).get("/api/v1/works/" + id)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aTraderTokenIsForbiddenToRegisterAndAForgedTokenIsUnauthenticated() {
        given().auth().oauth2(tokenFor("bob"))
                .multiPart("file", "x.bin", new byte[] {1, 2, 3}, "application/octet-stream")
                .multiPart("title", "not allowed")
                .multiPart("kind", "OTHER")
                .post("/api/v1/works")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));

        String alice = tokenFor("alice");
        String[] parts = alice.split("\\.");
        // Same header and claims, signature of another token: must not verify.
        String forged = parts[0] + "." + parts[1] + "." + tokenFor("bob").split("\\.")[2];
        given().auth().oauth2(forged).get("/api/v1/works/wk_whatever")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
