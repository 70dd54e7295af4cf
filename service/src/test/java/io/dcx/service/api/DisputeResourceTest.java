package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.rights.Disputes;
import io.dcx.service.domain.RandomIds;
import io.dcx.service.domain.dispute.Claim;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Infringement claims: a rights holder files against someone else's work, an operator decides, and the chain then
 * refuses to trade the work's assets while it is DISPUTED or FROZEN. Role checks throughout; refusals leave no
 * block and no row.
 */
@QuarkusTest
class DisputeResourceTest {
    private static final String CLAIM = "This image copies my photograph of the Bund from 2025, pixel for pixel.";
    private static final String TERMS = "cd".repeat(32);

    @Inject
    RightsFixtures fixtures;

    @Inject
    Disputes disputes;

    @Inject
    Ledger ledger;

    private static ValidatableResponse file(String workId, String body) {
        return given().contentType("application/json").body(body)
                .post("/api/v1/works/" + workId + "/disputes").then();
    }

    private static ValidatableResponse decide(String disputeId, String action, String reason) {
        return given().contentType("application/json")
                .body("{\"action\":\"" + action + "\",\"reason\":\"" + reason + "\"}")
                .post("/api/v1/disputes/" + disputeId + "/decision").then();
    }

    /** A claim filed by {@code user} through the use case (a test method has one HTTP identity). */
    private String claimBy(String user, String workId) {
        return disputes.file(workId, fixtures.accountId(user), new Claim(CLAIM), null).id();
    }

    private String chainStatus(String workId) {
        return RightsFixtures.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", workId))
                .path("status").asText();
    }

    private void lock(String assetId, String seller) {
        fixtures.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", assetId, RandomIds.next("tr_"), seller,
                fixtures.account("bob"), TERMS);
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void aRightsHolderFilesAClaimAndSeesOnlyTheirOwn() {
        String evidence = RightsFixtures.registerWork("Dave's original photograph");
        RightsFixtures.ChainWork copy = fixtures.workOnChain("alice", "Suspiciously similar");
        long height = fixtures.height();

        var filed = file(copy.id(), "{\"claim\":\"" + CLAIM + "\",\"evidenceWorkId\":\"" + evidence + "\"}")
                .statusCode(201);
        String id = filed
                .body("id", startsWith("dsp_"))
                .body("workId", equalTo(copy.id()))
                .body("claimant", equalTo(fixtures.account("dave")))
                .body("claim", equalTo(CLAIM))
                .body("evidenceWorkId", equalTo(evidence))
                .body("status", equalTo("OPEN"))
                .body("history", hasSize(1))
                .body("history[0].action", equalTo("FILED"))
                .body("history[0].toStatus", equalTo("OPEN"))
                .body("history[0].actor", equalTo(fixtures.account("dave")))
                .extract().path("id");
        filed.header("Location", endsWith("/api/v1/disputes/" + id));
        // Filing is the service's own record: nothing goes on chain until an operator restricts the work.
        assertThat(fixtures.height()).isEqualTo(height);
        assertThat(chainStatus(copy.id())).isEqualTo("ACTIVE");

        given().queryParam("mine", "true").get("/api/v1/disputes").then().statusCode(200)
                .body("id", hasItem(id));
        given().get("/api/v1/disputes/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
        given().get("/api/v1/disputes").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().queryParam("status", "OPEN").get("/api/v1/disputes").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        RightsFixtures.Footprint before = fixtures.footprint();
        file(copy.id(), "{\"claim\":\"" + CLAIM + " Again.\"}").statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DISPUTE_ALREADY_OPEN"));
        fixtures.assertNothingWritten(before);
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void badClaimsAreProblemsAndWriteNothing() {
        RightsFixtures.ChainWork alicesEarlier = fixtures.workOnChain("alice", "Alice's earlier work");
        RightsFixtures.ChainWork disputed = fixtures.workOnChain("alice", "Disputed work");
        String davesLater = RightsFixtures.registerWork("Dave's later work");
        RightsFixtures.Footprint before = fixtures.footprint();

        file(disputed.id(), "{\"claim\":\"too short\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_CLAIM"));
        file(disputed.id(), "{\"claim\":\"" + "x".repeat(5001) + "\"}").statusCode(400)
                .body("code", equalTo("INVALID_CLAIM"));
        file(disputed.id(), "{\"claim\":\"          \"}").statusCode(400).body("code", equalTo("INVALID_CLAIM"));
        file(disputed.id(), "{\"claim\":\"a claim with a bell \\u0007 in it\"}").statusCode(400)
                .body("code", equalTo("INVALID_CLAIM"));
        file(disputed.id(), "{\"claim\":1234567890123}").statusCode(400).body("code", equalTo("INVALID_CLAIM"));
        file(disputed.id(), "{}").statusCode(400).body("code", equalTo("INVALID_CLAIM"));
        file(disputed.id(), "{\"claim\":\"" + CLAIM + "\",\"evidenceWorkId\":42}").statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        file(disputed.id(), "{\"claim\":\"" + CLAIM + "\",\"severity\":\"high\"}").statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        file(disputed.id(), "{\"claim\":").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        file(disputed.id(), "{\"claim\":\"" + CLAIM + "\",\"evidenceWorkId\":\"" + davesLater + "\"}")
                .statusCode(422).body("code", equalTo("INVALID_EVIDENCE"));
        file(disputed.id(), "{\"claim\":\"" + CLAIM + "\",\"evidenceWorkId\":\"" + alicesEarlier.id() + "\"}")
                .statusCode(422).body("code", equalTo("INVALID_EVIDENCE"));
        file(disputed.id(), "{\"claim\":\"" + CLAIM + "\",\"evidenceWorkId\":\"wk_doesnotexist\"}")
                .statusCode(422).body("code", equalTo("INVALID_EVIDENCE"));
        file(davesLater, "{\"claim\":\"" + CLAIM + "\"}").statusCode(422)
                .body("code", equalTo("OWN_WORK_DISPUTE"));
        file("wk_doesnotexist", "{\"claim\":\"" + CLAIM + "\"}").statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));
        given().contentType("text/plain").body(CLAIM).post("/api/v1/works/" + disputed.id() + "/disputes").then()
                .statusCode(415);

        fixtures.assertNothingWritten(before);
    }

    @Test
    @TestSecurity(user = "carol", roles = "creator")
    void othersDisputesAnswerNotFoundAndOnlyOperatorsDecide() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Claimed by Dave");
        String daves = claimBy("dave", work.id());
        RightsFixtures.Footprint before = fixtures.footprint();

        given().get("/api/v1/disputes/" + daves).then().statusCode(404)
                .body("code", equalTo("DISPUTE_NOT_FOUND"));
        given().get("/api/v1/disputes/dsp_doesnotexist").then().statusCode(404)
                .body("code", equalTo("DISPUTE_NOT_FOUND"));
        given().queryParam("mine", "true").get("/api/v1/disputes").then().statusCode(200)
                .body("id", not(hasItem(daves)));
        given().queryParam("mine", "maybe").get("/api/v1/disputes").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        decide(daves, "FREEZE", "not yours to decide").statusCode(403).body("code", equalTo("FORBIDDEN"));

        fixtures.assertNothingWritten(before);
        assertThat(chainStatus(work.id())).isEqualTo("ACTIVE");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void aFrozenWorksAssetsCannotTradeUntilTheDisputeIsResolved() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Under dispute");
        fixtures.editionsOnChain(work.id(), "alice", 2, 1000);
        String alice = fixtures.account("alice");
        String id = claimBy("dave", work.id());

        given().queryParam("status", "OPEN").get("/api/v1/disputes").then().statusCode(200)
                .body("id", hasItem(id));

        long height = fixtures.height();
        decide(id, "MARK_DISPUTED", "prima facie similar; investigating").statusCode(200)
                .body("status", equalTo("DISPUTED"))
                .body("history", hasSize(2))
                .body("history[1].action", equalTo("MARK_DISPUTED"))
                .body("history[1].fromStatus", equalTo("OPEN"))
                .body("history[1].toStatus", equalTo("DISPUTED"))
                .body("history[1].workStatus", equalTo("DISPUTED"))
                .body("history[1].actor", equalTo(fixtures.account("olivia")))
                .body("history[1].reason", equalTo("prima facie similar; investigating"))
                .body("history[1].txId", notNullValue())
                .body("history[1].blockNumber", equalTo((int) height));
        assertThat(chainStatus(work.id())).isEqualTo("DISPUTED");
        given().get("/api/v1/works/" + work.id()).then().statusCode(200).body("status", equalTo("DISPUTED"));
        assertThatThrownBy(() -> lock(work.id() + "-1", alice))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("WORK_NOT_TRADABLE"));

        decide(id, "FREEZE", "court injunction 2026-88").statusCode(200)
                .body("status", equalTo("FROZEN"))
                .body("history[2].workStatus", equalTo("FROZEN"));
        assertThat(chainStatus(work.id())).isEqualTo("FROZEN");
        assertThatThrownBy(() -> lock(work.id() + "-2", alice))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("WORK_NOT_TRADABLE"));

        decide(id, "RESOLVE", "licence agreed between the parties").statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("history[3].workStatus", equalTo("ACTIVE"));
        assertThat(chainStatus(work.id())).isEqualTo("ACTIVE");
        given().get("/api/v1/works/" + work.id()).then().statusCode(200).body("status", equalTo("ACTIVE"));
        CommittedTransaction locked = fixtures.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", work.id() + "-1",
                RandomIds.next("tr_"), alice, fixtures.account("bob"), TERMS);
        assertThat(RightsFixtures.parse(locked.payload()).path("status").asText()).isEqualTo("LOCKED");

        // The work's provenance shows each status change on chain.
        given().get("/api/v1/works/" + work.id() + "/provenance").then().statusCode(200)
                .body("entries.status", equalTo(java.util.List.of("ACTIVE", "DISPUTED", "FROZEN", "ACTIVE")));

        // A resolved dispute is final.
        RightsFixtures.Footprint before = fixtures.footprint();
        decide(id, "DISMISS", "too late").statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DISPUTE_TRANSITION"));
        decide(id, "FREEZE", "again").statusCode(409).body("code", equalTo("DISPUTE_TRANSITION"));
        fixtures.assertNothingWritten(before);
        given().queryParam("status", "RESOLVED").get("/api/v1/disputes").then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void resolvingOneClaimDoesNotLiftAFreezeAnotherClaimHolds() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Claimed twice");
        String byDave = claimBy("dave", work.id());
        String byCarol = claimBy("carol", work.id());

        decide(byDave, "FREEZE", "injunction").statusCode(200);
        assertThat(chainStatus(work.id())).isEqualTo("FROZEN");

        long height = fixtures.height();
        decide(byCarol, "MARK_DISPUTED", "second claim noted").statusCode(200)
                .body("status", equalTo("DISPUTED"))
                .body("history[1].workStatus", nullValue())
                .body("history[1].txId", nullValue());
        decide(byCarol, "RESOLVE", "second claim settled").statusCode(200).body("status", equalTo("RESOLVED"));
        assertThat(fixtures.height()).isEqualTo(height);
        assertThat(chainStatus(work.id())).isEqualTo("FROZEN");

        decide(byDave, "RESOLVE", "first claim settled").statusCode(200)
                .body("history[2].workStatus", equalTo("ACTIVE"));
        assertThat(chainStatus(work.id())).isEqualTo("ACTIVE");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void dismissingLeavesTheWorkAsItIs() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Unfounded claim");
        String id = claimBy("dave", work.id());
        long height = fixtures.height();

        decide(id, "DISMISS", "no similarity found").statusCode(200)
                .body("status", equalTo("DISMISSED"))
                .body("history[1].workStatus", nullValue());
        assertThat(fixtures.height()).isEqualTo(height);
        assertThat(chainStatus(work.id())).isEqualTo("ACTIVE");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void badDecisionsAreProblemsAndWriteNothing() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Decided badly");
        String id = claimBy("dave", work.id());
        RightsFixtures.ChainWork revoked = fixtures.workOnChain("alice", "Revoked already");
        String onRevoked = claimBy("dave", revoked.id());
        CommittedTransaction revoke = fixtures.submit(LedgerIdentity.EXCHANGE, "works:SetWorkStatus", revoked.id(),
                "REVOKED", "court ruling");
        fixtures.awaitProjected(revoke.blockNumber());
        RightsFixtures.Footprint before = fixtures.footprint();

        decide(id, "BAN", "no such action").statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_DISPUTE_ACTION"));
        given().contentType("application/json").body("{\"reason\":\"no action\"}")
                .post("/api/v1/disputes/" + id + "/decision").then().statusCode(400)
                .body("code", equalTo("INVALID_DISPUTE_ACTION"));
        given().contentType("application/json").body("{\"action\":\"FREEZE\"}")
                .post("/api/v1/disputes/" + id + "/decision").then().statusCode(400)
                .body("code", equalTo("INVALID_REASON"));
        decide(id, "FREEZE", "   ").statusCode(400).body("code", equalTo("INVALID_REASON"));
        decide(id, "FREEZE", "line one\\nline two").statusCode(400).body("code", equalTo("INVALID_REASON"));
        decide(id, "FREEZE", "x".repeat(1001)).statusCode(400).body("code", equalTo("INVALID_REASON"));
        given().contentType("application/json").body("{\"action\":\"FREEZE\",")
                .post("/api/v1/disputes/" + id + "/decision").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        decide("dsp_doesnotexist", "FREEZE", "nothing to freeze").statusCode(404)
                .body("code", equalTo("DISPUTE_NOT_FOUND"));
        decide(onRevoked, "FREEZE", "too late").statusCode(409).body("code", equalTo("WORK_REVOKED"));
        given().queryParam("status", "SETTLED").get("/api/v1/disputes").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));

        fixtures.assertNothingWritten(before);
        given().get("/api/v1/disputes/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
        given().get("/api/v1/disputes/" + onRevoked).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void aRegulatorReadsAllDisputesButDecidesNone() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Watched by the regulator");
        String id = claimBy("dave", work.id());
        given().queryParam("status", "open").get("/api/v1/disputes").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/v1/disputes").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/v1/disputes/" + id).then().statusCode(200).body("claim", equalTo(CLAIM));
        long height = fixtures.height();
        decide(id, "FREEZE", "regulators do not decide here").statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(fixtures.height()).isEqualTo(height);
    }

    @Test
    void disputesNeedAToken() {
        given().contentType("application/json").body("{\"claim\":\"" + CLAIM + "\"}")
                .post("/api/v1/works/wk_any/disputes").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/disputes").then().statusCode(401);
        given().contentType("application/json").body("{\"action\":\"FREEZE\",\"reason\":\"x\"}".getBytes(
                StandardCharsets.UTF_8)).post("/api/v1/disputes/dsp_any/decision").then().statusCode(401);
    }
}
