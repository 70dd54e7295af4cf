package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.dcx.service.application.RegistrationReviews;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.review.RegistrationReview;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Registration with fingerprints and the near-duplicate review: who gets 201 and who 202, what operators decide,
 * what requesters see. A test method has one HTTP identity ({@code @TestSecurity}); the other actors act through
 * the use case ({@link RegistrationFixtures}).
 */
@QuarkusTest
class WorkRegistrationReviewTest {

    @Inject
    RegistrationFixtures fixtures;

    @Inject
    RegistrationReviews reviews;

    @Inject
    Ledger ledger;

    static ValidatableResponse upload(byte[] bytes, String fileName, String contentType, String title, String kind,
            String metadata) {
        var request = given().multiPart("file", fileName, bytes, contentType)
                .multiPart("title", title)
                .multiPart("kind", kind);
        if (metadata != null) {
            request = request.multiPart("metadata", metadata);
        }
        return request.when().post("/api/v1/works").then();
    }

    static ValidatableResponse uploadImage(byte[] bytes, String title) {
        return upload(bytes, "image.jpg", "image/jpeg", title, "IMAGE", null);
    }

    /** Alice's original, registered; and a copy of it (a quarter of the pixels, JPEG quality 0.7). */
    private record Original(Work work, byte[] copy) {
    }

    private Original alicesOriginal() {
        BufferedImage scene = TestImages.freshScene();
        Work work = fixtures.registered("alice", TestImages.png(scene), "West Lake at dawn", "IMAGE", null,
                "image/png");
        return new Original(work, TestImages.resizedJpeg(scene, 200, 0.7f));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void anImageIsRegisteredWithItsPerceptualHash() {
        byte[] png = TestImages.png(TestImages.freshScene());
        uploadImage(png, "Suzhou garden")
                .statusCode(201)
                .body("fingerprintKind", equalTo("image-dct64"))
                .body("fingerprint", matchesPattern("[0-9a-f]{16}"))
                .body("fingerprintNote", nullValue())
                .body("contentHash", equalTo(RegistrationFixtures.sha256(png)));
        assertThat(fixtures.stored(png)).isTrue();
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void aNearCopyOfSomeoneElsesImageIsHeldForReview() {
        Original original = alicesOriginal();
        RegistrationFixtures.Footprint before = fixtures.footprint();

        String reviewId = uploadImage(original.copy(), "My lake")
                .statusCode(202)
                .header("Location", containsString("/api/v1/registrations/"))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("id", matchesPattern("rv_[a-z2-7]{20}"))
                .body("contentHash", equalTo(RegistrationFixtures.sha256(original.copy())))
                .body("fingerprintKind", equalTo("image-dct64"))
                .body("similar[0].workId", equalTo(original.work().id()))
                .body("similar[0].title", equalTo("West Lake at dawn"))
                .body("similar[0].distance", lessThanOrEqualTo(10))
                .extract().path("id");

        RegistrationFixtures.Footprint after = fixtures.footprint();
        assertThat(after.height()).as("nothing on chain").isEqualTo(before.height());
        assertThat(after.works()).isEqualTo(before.works());
        assertThat(after.reviews()).isEqualTo(before.reviews() + 1);
        assertThat(fixtures.stored(original.copy())).as("the held file is kept for the decision").isTrue();

        given().get("/api/v1/registrations/" + reviewId).then().statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("similar[0].workId", equalTo(original.work().id()))
                .body("workId", nullValue());
        given().get("/api/v1/registrations").then().statusCode(200).body("id", hasItem(reviewId));

        // The same bytes again, while they wait: 409 naming the review, nothing new.
        uploadImage(original.copy(), "My lake, again")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("REVIEW_PENDING"))
                .body("pendingReviewId", equalTo(reviewId));
        assertThat(fixtures.footprint()).isEqualTo(after);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aNearCopyOfOnesOwnImageIsRegistered() {
        Original original = alicesOriginal();
        uploadImage(original.copy(), "West Lake at dawn, small")
                .statusCode(201)
                .body("fingerprintKind", equalTo("image-dct64"))
                .body("registrant", equalTo(original.work().registrant()));
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void aReformattedCopyOfSomeoneElsesChineseTextIsHeldForReview() {
        String text = TestTexts.freshChineseText();
        Work poem = fixtures.registered("alice", text.getBytes(StandardCharsets.UTF_8), "江南春", "TEXT", null,
                "text/plain; charset=UTF-8");
        assertThat(poem.fingerprintKind()).isEqualTo("text-simhash64");

        byte[] copy = TestTexts.reformatted(text).getBytes(StandardCharsets.UTF_8);
        upload(copy, "poem.txt", "text/plain", "我的诗", "TEXT", null)
                .statusCode(202)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("fingerprintKind", equalTo("text-simhash64"))
                .body("similar.workId", hasItem(poem.id()))
                .body("similar[0].distance", lessThanOrEqualTo(8));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void otherKindsAreRegisteredByExactHashAndTheAnswerSaysSo() {
        byte[] video = ("not really a video " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        upload(video, "clip.mp4", "video/mp4", "Clip", "VIDEO", null)
                .statusCode(201)
                .body("fingerprintKind", equalTo("none"))
                .body("fingerprint", emptyString())
                .body("fingerprintNote", equalTo("VIDEO works are registered by exact content hash only"));
        // A text too short for a similarity hash is registered too, with its own note.
        upload(("a line " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "line.txt", "text/plain", "Line",
                "TEXT", null)
                .statusCode(201)
                .body("fingerprintKind", equalTo("none"))
                .body("fingerprintNote", containsString("too short"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void coCreatorsAndParentsAreRegisteredOnChain() throws Exception {
        Original parent = alicesOriginal();
        String dave = fixtures.account("dave").value();
        String alice = fixtures.account("alice").value();
        String metadata = "{\"description\":\"a derivative\",\"creators\":[{\"accountId\":\"" + alice
                + "\",\"shareBps\":7000},{\"accountId\":\"" + dave + "\",\"shareBps\":3000}],\"parents\":[\""
                + parent.work().id() + "\"],\"licenceDefaults\":{\"commercialUse\":false}}";
        String id = upload(TestImages.png(TestImages.freshScene()), "d.png", "image/png", "Derivative", "IMAGE",
                metadata)
                .statusCode(201)
                .body("creators", hasSize(2))
                .body("creators.shareBps", hasItem(3000))
                .body("metadata.parents[0]", equalTo(parent.work().id()))
                .extract().path("id");
        String onChain = new String(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", id),
                StandardCharsets.UTF_8);
        assertThat(onChain).contains("\"parents\":[\"" + parent.work().id() + "\"]").contains(dave);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void anOperatorRegistersAHeldUploadInTheRequestersName() {
        Original original = alicesOriginal();
        RegistrationReview held = fixtures.held("dave", original.copy(), "Dave's lake", "IMAGE", "image/jpeg");
        String dave = fixtures.account("dave").value();

        given().queryParam("status", "PENDING_REVIEW").get("/api/v1/registrations/reviews").then().statusCode(200)
                .body("id", hasItem(held.id()));
        given().get("/api/v1/registrations/reviews/" + held.id()).then().statusCode(200)
                .body("requester", equalTo(dave))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("similar[0].workId", equalTo(original.work().id()));
        byte[] heldBytes = given().get("/api/v1/registrations/reviews/" + held.id() + "/content").then()
                .statusCode(200).extract().asByteArray();
        assertThat(heldBytes).isEqualTo(original.copy());

        long height = ledger.height();
        String workId = given().contentType("application/json")
                .body("{\"decision\":\"REGISTER\",\"reason\":\"an independent photograph of the same view\"}")
                .post("/api/v1/registrations/reviews/" + held.id() + "/decision")
                .then().statusCode(200)
                .body("status", equalTo("REGISTERED"))
                .body("decision", equalTo("REGISTER"))
                .body("decidedBy", equalTo(fixtures.account("olivia").value()))
                .body("decidedAt", notNullValue())
                .body("workId", notNullValue())
                .extract().path("workId");
        assertThat(ledger.height()).isGreaterThan(height);

        given().get("/api/v1/works/" + workId).then().statusCode(200)
                .body("registrant", equalTo(dave))
                .body("creators[0].accountId", equalTo(dave))
                .body("contentHash", equalTo(held.contentHash()))
                .body("fingerprint", equalTo(held.fingerprint()))
                .body("fingerprintKind", equalTo("image-dct64"))
                .body("registeredAt", notNullValue());
        String onChain = new String(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", workId),
                StandardCharsets.UTF_8);
        assertThat(onChain).contains("\"registrant\":\"" + dave + "\"");

        // Decided once.
        long decided = ledger.height();
        given().contentType("application/json").body("{\"decision\":\"REJECT\",\"reason\":\"changed my mind\"}")
                .post("/api/v1/registrations/reviews/" + held.id() + "/decision")
                .then().statusCode(409).body("code", equalTo("REVIEW_ALREADY_DECIDED"));
        given().contentType("application/json").body("{\"decision\":\"REGISTER\"}")
                .post("/api/v1/registrations/reviews/" + held.id() + "/decision")
                .then().statusCode(409).body("code", equalTo("REVIEW_ALREADY_DECIDED"));
        assertThat(ledger.height()).isEqualTo(decided);

        // The registered copy is now in the index too: a third creator's copy of it is held, naming both.
        RegistrationReview third = fixtures.held("erin", TestImages.resizedJpeg(TestImages.decode(original.copy()),
                180, 0.8f), "Erin's lake", "IMAGE", "image/jpeg");
        assertThat(third.similar()).extracting(s -> s.workId()).contains(original.work().id(), workId);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void anOperatorRejectsWithAReason() {
        Original original = alicesOriginal();
        RegistrationReview held = fixtures.held("dave", original.copy(), "Dave's lake", "IMAGE", "image/jpeg");
        String decision = "/api/v1/registrations/reviews/" + held.id() + "/decision";
        long height = ledger.height();

        given().contentType("application/json").body("{\"decision\":\"REJECT\"}").post(decision)
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("detail", containsString("reason"));
        given().contentType("application/json").body("{\"decision\":\"REJECT\",\"reason\":\"  \"}").post(decision)
                .then().statusCode(400);
        given().contentType("application/json").body("{\"decision\":\"MAYBE\"}").post(decision)
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().contentType("application/json").body("{\"decision\":\"REJECT\",\"reason\":\"x\"}")
                .post("/api/v1/registrations/reviews/rv_aaaaaaaaaaaaaaaaaaaa/decision")
                .then().statusCode(404).body("code", equalTo("REVIEW_NOT_FOUND"));

        given().contentType("application/json")
                .body("{\"decision\":\"REJECT\",\"reason\":\"a resized copy of " + original.work().id() + "\"}")
                .post(decision)
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("a resized copy of " + original.work().id()))
                .body("workId", nullValue());
        given().contentType("application/json").body("{\"decision\":\"REGISTER\"}").post(decision)
                .then().statusCode(409).body("code", equalTo("REVIEW_ALREADY_DECIDED"));
        assertThat(ledger.height()).as("a rejection writes nothing on chain").isEqualTo(height);

        given().queryParam("status", "REJECTED").get("/api/v1/registrations/reviews").then().statusCode(200)
                .body("id", hasItem(held.id()));
        given().queryParam("status", "WHATEVER").get("/api/v1/registrations/reviews").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void theRequesterSeesTheOutcome() {
        Original first = alicesOriginal();
        Original second = alicesOriginal();
        RegistrationReview approved = fixtures.held("dave", first.copy(), "Approved", "IMAGE", "image/jpeg");
        RegistrationReview rejected = fixtures.held("dave", second.copy(), "Rejected", "IMAGE", "image/jpeg");
        String workId = reviews.decide(approved.id(), fixtures.account("olivia"), "REGISTER", null).workId();
        reviews.decide(rejected.id(), fixtures.account("olivia"), "REJECT", "too close to " + second.work().id());

        given().get("/api/v1/registrations/" + approved.id()).then().statusCode(200)
                .body("status", equalTo("REGISTERED"))
                .body("workId", equalTo(workId))
                .body("decidedAt", notNullValue())
                .body("decidedBy", nullValue());
        given().get("/api/v1/registrations/" + rejected.id()).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("too close to " + second.work().id()))
                .body("workId", nullValue());
        // Rejected bytes are free again: uploading them anew opens a new review.
        uploadImage(second.copy(), "Rejected, once more").statusCode(202)
                .body("id", org.hamcrest.Matchers.not(equalTo(rejected.id())));
        // Registered bytes are an exact duplicate now.
        uploadImage(first.copy(), "Approved, again").statusCode(409)
                .body("code", equalTo("DUPLICATE_CONTENT"))
                .body("existingWorkId", equalTo(workId));
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void onlyOperatorsReadTheQueueAndDecide() {
        Original original = alicesOriginal();
        RegistrationReview held = fixtures.held("dave", original.copy(), "Mine", "IMAGE", "image/jpeg");
        given().contentType("application/json").body("{\"decision\":\"REGISTER\"}")
                .post("/api/v1/registrations/reviews/" + held.id() + "/decision")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/registrations/reviews").then().statusCode(403);
        given().get("/api/v1/registrations/reviews/" + held.id()).then().statusCode(403);
        assertThat(reviews.byId(held.id()).status().name()).isEqualTo("PENDING_REVIEW");
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aRequesterCannotSeeSomeoneElsesReview() {
        Original original = alicesOriginal();
        RegistrationReview daves = fixtures.held("dave", original.copy(), "Dave's", "IMAGE", "image/jpeg");
        given().get("/api/v1/registrations/" + daves.id()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("REVIEW_NOT_FOUND"));
        given().get("/api/v1/registrations/rv_aaaaaaaaaaaaaaaaaaaa").then().statusCode(404)
                .body("code", equalTo("REVIEW_NOT_FOUND"));
        given().get("/api/v1/registrations/not an id").then().statusCode(404);
        given().get("/api/v1/registrations").then().statusCode(200).body("id", org.hamcrest.Matchers.not(
                hasItem(daves.id())));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void twoIdenticalUploadsRacingGetOne201AndOne409() throws Exception {
        byte[] png = TestImages.png(TestImages.freshScene());
        List<Integer> statuses = race(2, () -> uploadImage(png, "Raced").extract().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        given().queryParam("contentHash", RegistrationFixtures.sha256(png)).get("/api/v1/works").then()
                .statusCode(200).body("", hasSize(1));
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void twoIdenticalNearCopiesRacingOpenOneReview() throws Exception {
        Original original = alicesOriginal();
        long reviewsBefore = fixtures.footprint().reviews();
        List<Integer> statuses = race(2, () -> uploadImage(original.copy(), "Raced copy").extract().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        assertThat(fixtures.footprint().reviews()).isEqualTo(reviewsBefore + 1);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void twoOperatorsDecidingAtOnceDecideOnce() throws Exception {
        Original original = alicesOriginal();
        RegistrationReview held = fixtures.held("dave", original.copy(), "Raced decision", "IMAGE", "image/jpeg");
        long height = ledger.height();
        List<Integer> statuses = race(2, () -> given().contentType("application/json")
                .body("{\"decision\":\"REGISTER\"}")
                .post("/api/v1/registrations/reviews/" + held.id() + "/decision")
                .then().extract().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(ledger.height()).as("one registration on chain").isEqualTo(height + 1);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void bytesRegisteredMeanwhileByAnotherClientCannotBeApproved() {
        Original original = alicesOriginal();
        RegistrationReview held = fixtures.held("dave", original.copy(), "Too late", "IMAGE", "image/jpeg");
        // Another client of the chain registers the same bytes under another id.
        ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork", chainRequest("wk_other" + held.id().substring(3),
                held));
        given().contentType("application/json").body("{\"decision\":\"REGISTER\"}")
                .post("/api/v1/registrations/reviews/" + held.id() + "/decision")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_CONTENT"))
                .body("existingWorkId", equalTo("wk_other" + held.id().substring(3)));
        assertThat(reviews.byId(held.id()).status().name()).as("left for a rejection").isEqualTo("PENDING_REVIEW");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void anApprovalThatReachedTheChainButNotTheDatabaseIsCompletedNotRepeated() {
        Original original = alicesOriginal();
        RegistrationReview held = fixtures.held("dave", original.copy(), "Half done", "IMAGE", "image/jpeg");
        // As if an earlier approval committed on chain and then the service stopped before recording it.
        String workId = "wk_" + held.id().substring(3);
        ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork", chainRequest(workId, held));
        long height = ledger.height();
        given().contentType("application/json").body("{\"decision\":\"REGISTER\"}")
                .post("/api/v1/registrations/reviews/" + held.id() + "/decision")
                .then().statusCode(200).body("status", equalTo("REGISTERED")).body("workId", equalTo(workId));
        assertThat(ledger.height()).as("not registered twice").isEqualTo(height);
        given().get("/api/v1/works/" + workId).then().statusCode(200)
                .body("registrant", equalTo(held.requester()))
                .body("contentType", equalTo("image/jpeg"));
    }

    private static String chainRequest(String workId, RegistrationReview held) {
        return "{\"id\":\"" + workId + "\",\"contentHash\":\"" + held.contentHash() + "\",\"fingerprint\":\""
                + held.fingerprint() + "\",\"fingerprintKind\":\"" + held.fingerprintKind() + "\",\"title\":\""
                + held.title() + "\",\"kind\":\"IMAGE\",\"creators\":[{\"accountId\":\"" + held.requester()
                + "\",\"shareBps\":10000}],\"metadataHash\":\"\",\"parents\":[],\"registrant\":\""
                + held.requester() + "\"}";
    }

    @Test
    void readinessIncludesTheSimilarityIndexAndTheApiIsDocumented() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'similarity-index' }.status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/works'.post.responses.'202'", notNullValue())
                .body("paths.'/api/v1/works'.post.responses.'413'", notNullValue())
                .body("paths.'/api/v1/works/{id}/content'.get", notNullValue())
                .body("paths.'/api/v1/registrations/{id}'.get", notNullValue())
                .body("paths.'/api/v1/registrations/reviews'.get", notNullValue())
                .body("paths.'/api/v1/registrations/reviews/{id}/decision'.post.responses.'409'", notNullValue());
    }

    private static List<Integer> race(int parties, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parties);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
