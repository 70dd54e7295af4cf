package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.dcx.service.application.ledger.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate review with real Keycloak tokens: alice registers an image, dave uploads a resized copy and is
 * held for review, olivia (operator) approves it, dave sees it registered in his name and downloads it; alice's file
 * stays hers.
 */
@QuarkusTest
class RegistrationReviewKeycloakTest {

    @Inject
    Ledger ledger;

    @Test
    void aNearCopyIsHeldAndAnOperatorDecides() {
        String alice = RealKeycloakTest.tokenFor("alice");
        String dave = RealKeycloakTest.tokenFor("dave");
        String olivia = RealKeycloakTest.tokenFor("olivia");
        BufferedImage scene = TestImages.freshScene();
        byte[] original = TestImages.png(scene);
        byte[] copy = TestImages.resizedJpeg(scene, 240, 0.75f);

        String originalId = given().auth().oauth2(alice)
                .multiPart("file", "lake.png", original, "image/png")
                .multiPart("title", "Lake")
                .multiPart("kind", "IMAGE")
                .post("/api/v1/works")
                .then().statusCode(201).body("fingerprintKind", equalTo("image-dct64"))
                .extract().path("id");

        long height = ledger.height();
        String reviewId = given().auth().oauth2(dave)
                .multiPart("file", "lake.jpg", copy, "image/jpeg")
                .multiPart("title", "My lake")
                .multiPart("kind", "IMAGE")
                .post("/api/v1/works")
                .then().statusCode(202)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("similar[0].workId", equalTo(originalId))
                .body("similar[0].distance", lessThanOrEqualTo(10))
                .extract().path("id");
        assertThat(ledger.height()).isEqualTo(height);

        // Only the requester follows it; only an operator decides it.
        given().auth().oauth2(alice).get("/api/v1/registrations/" + reviewId).then().statusCode(404);
        given().auth().oauth2(dave).contentType("application/json").body("{\"decision\":\"REGISTER\"}")
                .post("/api/v1/registrations/reviews/" + reviewId + "/decision").then().statusCode(403);
        given().auth().oauth2(RealKeycloakTest.tokenFor("rita")).contentType("application/json")
                .body("{\"decision\":\"REGISTER\"}")
                .post("/api/v1/registrations/reviews/" + reviewId + "/decision").then().statusCode(403);

        given().auth().oauth2(olivia).queryParam("status", "PENDING_REVIEW").get("/api/v1/registrations/reviews")
                .then().statusCode(200);
        String workId = given().auth().oauth2(olivia).contentType("application/json")
                .body("{\"decision\":\"REGISTER\",\"reason\":\"the photographer's own shot of the same view\"}")
                .post("/api/v1/registrations/reviews/" + reviewId + "/decision")
                .then().statusCode(200)
                .body("status", equalTo("REGISTERED"))
                .body("workId", notNullValue())
                .extract().path("workId");

        String daveAccount = given().auth().oauth2(dave).get("/api/v1/registrations/" + reviewId)
                .then().statusCode(200)
                .body("status", equalTo("REGISTERED"))
                .body("workId", equalTo(workId))
                .extract().path("workId");
        assertThat(daveAccount).isEqualTo(workId);
        String registrant = given().auth().oauth2(dave).get("/api/v1/works/" + workId).then().statusCode(200)
                .extract().path("registrant");
        String aliceRegistrant = given().auth().oauth2(alice).get("/api/v1/works/" + originalId).then()
                .statusCode(200).extract().path("registrant");
        assertThat(registrant).startsWith("acc_").isNotEqualTo(aliceRegistrant);

        // Downloads: each creator their own file; to the other it does not exist.
        byte[] downloaded = given().auth().oauth2(dave).get("/api/v1/works/" + workId + "/content").then()
                .statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(downloaded).isEqualTo(copy);
        given().auth().oauth2(dave).get("/api/v1/works/" + originalId + "/content").then().statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));
        assertThat(given().auth().oauth2(alice).get("/api/v1/works/" + originalId + "/content").then()
                .statusCode(200).extract().asByteArray()).isEqualTo(original);
    }
}
