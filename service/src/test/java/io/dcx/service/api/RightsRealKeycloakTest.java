package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.Pseudonyms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Everything after registration with real tokens from the real Keycloak (realm dcx, demo users): a creator issues
 * editions, grants a licence and fetches the certificate; another creator files a claim; the operator freezes and
 * resolves it; a trader reads the assets; anyone verifies the certificate without a token.
 */
@QuarkusTest
class RightsRealKeycloakTest {

    @Inject
    Pseudonyms pseudonyms;

    /** The account the service derives from a token: the pseudonym of its subject. */
    private String accountOf(String token) throws Exception {
        JsonNode claims = RightsFixtures.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return pseudonyms.accountFor(claims.path("sub").asText()).value();
    }

    @Test
    void theWholePathWithRealTokens() throws Exception {
        String alice = RealKeycloakTest.tokenFor("alice");
        String dave = RealKeycloakTest.tokenFor("dave");
        String olivia = RealKeycloakTest.tokenFor("olivia");
        String bob = RealKeycloakTest.tokenFor("bob");

        String workId = given().auth().oauth2(alice)
                .multiPart("file", "song.bin", RightsFixtures.uniqueBytes(), "application/octet-stream")
                .multiPart(new MultiPartSpecBuilder("Song of the Huangpu").controlName("title").charset("UTF-8")
                        .build())
                .multiPart("kind", "OTHER")
                .post("/api/v1/works").then().statusCode(201)
                .extract().path("id");

        // Editions and a licence, by the creator of the work.
        given().auth().oauth2(alice).contentType("application/json").body("{\"count\":2,\"issuePriceFen\":8800}")
                .post("/api/v1/works/" + workId + "/editions").then().statusCode(201)
                .body("assets", hasSize(2))
                .body("assets[0].ownerId", equalTo(accountOf(alice)));
        String daveAccount = accountOf(dave);
        given().auth().oauth2(alice).contentType("application/json")
                .body("{\"licenseeId\":\"" + daveAccount + "\",\"scope\":{\"commercialUse\":true,"
                        + "\"derivatives\":true,\"territory\":\"CN\",\"exclusive\":false},\"feeFen\":100000,"
                        + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-01-01\"}")
                .post("/api/v1/works/" + workId + "/licences").then().statusCode(201)
                .body("licenseeId", equalTo(daveAccount));

        // Another creator may neither issue nor license it: 404, as for a work that does not exist.
        given().auth().oauth2(dave).contentType("application/json").body("{\"count\":1,\"issuePriceFen\":1}")
                .post("/api/v1/works/" + workId + "/editions").then().statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));
        // A trader reads assets and licences but may not issue.
        given().auth().oauth2(bob).get("/api/v1/assets/" + workId + "-1").then().statusCode(200)
                .body("issuePriceFen", equalTo(8800));
        given().auth().oauth2(bob).get("/api/v1/works/" + workId + "/licences").then().statusCode(200)
                .body("", hasSize(1));
        given().auth().oauth2(bob).contentType("application/json").body("{\"count\":1,\"issuePriceFen\":1}")
                .post("/api/v1/works/" + workId + "/editions").then().statusCode(403);

        // The certificate, and its link verified without a token.
        String verifyUrl = given().auth().oauth2(alice).accept("application/json")
                .get("/api/v1/works/" + workId + "/certificate").then().statusCode(200)
                .extract().path("verifyUrl");
        Response pdf = given().auth().oauth2(alice).accept("application/pdf")
                .get("/api/v1/works/" + workId + "/certificate");
        pdf.then().statusCode(200).contentType("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(workId).contains("Song of the Huangpu");
        }
        String query = verifyUrl.substring(verifyUrl.indexOf("/api/v1/"));
        given().get(query).then().statusCode(200).body("valid", equalTo(true));

        // A claim, the operator's freeze, and its resolution.
        String disputeId = given().auth().oauth2(dave).contentType("application/json")
                .body("{\"claim\":\"The melody is taken from my recording of 2024.\"}")
                .post("/api/v1/works/" + workId + "/disputes").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(dave).queryParam("mine", "true").get("/api/v1/disputes").then().statusCode(200)
                .body("id", hasItem(disputeId));
        given().auth().oauth2(alice).get("/api/v1/disputes/" + disputeId).then().statusCode(404);
        given().auth().oauth2(olivia).queryParam("status", "OPEN").get("/api/v1/disputes").then().statusCode(200)
                .body("id", hasItem(disputeId));
        given().auth().oauth2(olivia).contentType("application/json")
                .body("{\"action\":\"FREEZE\",\"reason\":\"injunction pending\"}")
                .post("/api/v1/disputes/" + disputeId + "/decision").then().statusCode(200)
                .body("status", equalTo("FROZEN"));
        given().auth().oauth2(bob).get("/api/v1/works/" + workId).then().statusCode(200)
                .body("status", equalTo("FROZEN"));
        given().get(query).then().statusCode(200)
                .body("valid", equalTo(true))
                .body("warnings", hasItem("WORK_FROZEN"));
        given().auth().oauth2(olivia).contentType("application/json")
                .body("{\"action\":\"RESOLVE\",\"reason\":\"settled\"}")
                .post("/api/v1/disputes/" + disputeId + "/decision").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        given().auth().oauth2(alice).get("/api/v1/works/" + workId).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }
}
