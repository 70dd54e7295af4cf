package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.domain.RandomIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Assets as every role reads them, and their provenance: every chain transaction that changed an asset, oldest first
 * (newest last), with its block and time. Trades and freezes are made on the ledger directly, as the board and other
 * clients of the chain do; the projector carries them into the read model.
 */
@QuarkusTest
class AssetProvenanceTest {
    private static final String TERMS = "ab".repeat(32);

    @Inject
    RightsFixtures fixtures;

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void provenanceListsIssueLockAndSettlementNewestLast() {
        String workId = RightsFixtures.registerWork("Traded edition");
        given().contentType("application/json").body("{\"count\": 2, \"issuePriceFen\": 5000}")
                .post("/api/v1/works/" + workId + "/editions").then().statusCode(201);
        String assetId = workId + "-1";
        String alice = fixtures.account("alice");
        // A fresh buyer: settlements count against each account's daily transfer cap on chain.
        String bob = fixtures.account("buyer-" + RandomIds.next(""));
        String tradeId = RandomIds.next("tr_");

        CommittedTransaction lock = fixtures.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", assetId, tradeId,
                alice, bob, TERMS);
        fixtures.awaitProjected(lock.blockNumber());
        given().get("/api/v1/assets/" + assetId).then().statusCode(200)
                .body("status", equalTo("LOCKED"))
                .body("lastAction", equalTo("LOCKED"));

        CommittedTransaction settle = fixtures.submit(LedgerIdentity.EXCHANGE, "assets:SettleTrade", assetId,
                tradeId, bob, TERMS);
        fixtures.awaitProjected(settle.blockNumber());

        JsonPath provenance = given().get("/api/v1/assets/" + assetId + "/provenance").then().statusCode(200)
                .body("assetId", equalTo(assetId))
                .body("workId", equalTo(workId))
                .body("entries", hasSize(3))
                .body("entries.action", equalTo(List.of("ISSUED", "LOCKED", "SETTLED")))
                .body("entries.ownerId", equalTo(List.of(alice, alice, bob)))
                .body("entries.status", equalTo(List.of("ACTIVE", "LOCKED", "ACTIVE")))
                .extract().jsonPath();
        assertThat(provenance.getString("entries[1].txId")).isEqualTo(lock.txId());
        assertThat(provenance.getString("entries[2].txId")).isEqualTo(settle.txId());
        assertThat(provenance.getLong("entries[1].blockNumber")).isEqualTo(lock.blockNumber());
        assertThat(provenance.getLong("entries[2].blockNumber")).isEqualTo(settle.blockNumber());
        List<Long> blocks = provenance.getList("entries.blockNumber", Long.class);
        assertThat(blocks).isSorted().doesNotContainNull();
        List<String> times = provenance.getList("entries.timestamp", String.class);
        assertThat(times).isSorted();

        // The read model follows the chain: bob owns it now, by TRADE, since the settlement.
        given().get("/api/v1/assets/" + assetId).then().statusCode(200)
                .body("ownerId", equalTo(bob))
                .body("status", equalTo("ACTIVE"))
                .body("acquiredBy", equalTo("TRADE"))
                .body("txId", equalTo(settle.txId()))
                .body("blockNumber", equalTo((int) settle.blockNumber()));
        given().queryParam("owner", "me").get("/api/v1/assets").then().statusCode(200)
                .body("id", not(hasItem(assetId)))
                .body("id", hasItem(workId + "-2"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void everyRoleReadsAssetsAndTheirProvenanceIncludingFreezes() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("dave", "Frozen by the board");
        fixtures.editionsOnChain(work.id(), "dave", 1, 100);
        String assetId = work.id() + "-1";
        CommittedTransaction freeze = fixtures.submit(LedgerIdentity.EXCHANGE, "assets:FreezeAsset", assetId,
                "court order 2026-17");
        fixtures.awaitProjected(freeze.blockNumber());

        given().get("/api/v1/assets/" + assetId).then().statusCode(200)
                .body("status", equalTo("FROZEN"))
                .body("ownerId", equalTo(fixtures.account("dave")));
        given().get("/api/v1/assets/" + assetId + "/provenance").then().statusCode(200)
                .body("entries.action", equalTo(List.of("ISSUED", "FROZEN")))
                .body("entries[1].reason", equalTo("court order 2026-17"))
                .body("entries[1].blockNumber", equalTo((int) freeze.blockNumber()));

        CommittedTransaction unfreeze = fixtures.submit(LedgerIdentity.EXCHANGE, "assets:UnfreezeAsset", assetId);
        fixtures.awaitProjected(unfreeze.blockNumber());
        given().get("/api/v1/assets/" + assetId).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void unknownAssetsAndBadQueriesAreProblems() {
        long height = fixtures.height();
        given().get("/api/v1/assets/wk_nothing-1").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("ASSET_NOT_FOUND"));
        given().get("/api/v1/assets/wk_nothing-1/provenance").then().statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
        given().get("/api/v1/assets/" + "x".repeat(81)).then().statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
        given().get("/api/v1/assets/bad%20id!").then().statusCode(404).body("code", equalTo("ASSET_NOT_FOUND"));
        given().get("/api/v1/assets").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("owner", fixtures.account("alice")).get("/api/v1/assets").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        given().get("/api/v1/works/wk_nothing/assets").then().statusCode(404).body("code", equalTo("WORK_NOT_FOUND"));
        assertThat(fixtures.height()).isEqualTo(height);
    }

    @Test
    void provenanceNeedsAToken() {
        given().get("/api/v1/assets/wk_anything-1/provenance").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().queryParam("owner", "me").get("/api/v1/assets").then().statusCode(401);
    }
}
