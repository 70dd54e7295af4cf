package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;

class IssuanceTest extends AssetTestSupport {

    @Test
    void issuesNumberedEditionsToACreator() {
        final Result result = chain.submit(EXCHANGE, "assets:IssueEditions", "wk_1", BOB, "3", "12345");
        final JsonNode assets = result.ok();

        assertThat(WorkRegistrationTest.ids(assets)).containsExactly("wk_1-1", "wk_1-2", "wk_1-3");
        final JsonNode second = assets.get(1);
        final List<String> names = new ArrayList<>();
        second.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "workId", "kind", "edition", "editionCount", "ownerId", "status",
                "lock", "acquiredAt", "acquiredBy", "issuePriceFen", "lastAction", "lastReason", "txId");
        assertThat(second.path("workId").asText()).isEqualTo("wk_1");
        assertThat(second.path("kind").asText()).isEqualTo("EDITION");
        assertThat(second.path("edition").asInt()).isEqualTo(2);
        assertThat(second.path("editionCount").asInt()).isEqualTo(3);
        assertThat(second.path("ownerId").asText()).isEqualTo(BOB);
        assertThat(second.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(second.path("lock").isNull()).isTrue();
        assertThat(second.path("acquiredAt").asText()).isEqualTo(result.timestamp.toString());
        assertThat(second.path("acquiredBy").asText()).isEqualTo("ISSUE");
        assertThat(second.path("issuePriceFen").asLong()).isEqualTo(12345);
        assertThat(second.path("lastAction").asText()).isEqualTo("ISSUED");
        assertThat(second.path("txId").asText()).isEqualTo(result.txId);

        final JsonNode event = result.event("EditionsIssued");
        assertThat(event.path("workId").asText()).isEqualTo("wk_1");
        assertThat(event.path("count").asInt()).isEqualTo(3);
        assertThat(event.path("ownerId").asText()).isEqualTo(BOB);
        assertThat(event.path("issuePriceFen").asLong()).isEqualTo(12345);
        assertThat(event.path("assetIds")).extracting(JsonNode::asText)
                .containsExactly("wk_1-1", "wk_1-2", "wk_1-3");

        assertThat(result.writes).containsKeys(
                new CompositeKey("asset", "wk_1-3").toString(),
                new CompositeKey("ownerAsset", BOB, "wk_1-3").toString(),
                new CompositeKey("workAsset", "wk_1", "wk_1-3").toString());
        assertThat(result.writes).hasSize(9);
        assertThat(asset("wk_1-2")).isEqualTo(second);
        assertThat(ownedBy(BOB)).containsExactly("wk_1-1", "wk_1-2", "wk_1-3");
        assertThat(WorkRegistrationTest.ids(chain.evaluate(REGULATOR, "assets:ListAssetsByWork", "wk_1").ok()))
                .containsExactly("wk_1-1", "wk_1-2", "wk_1-3");
    }

    @Test
    void editionsAreIssuedOncePerWork() {
        issue(2);
        chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_1", ALICE, "5", "0")
                .refused(ErrorCode.EDITIONS_ALREADY_ISSUED);
    }

    @Test
    void issuesUpToTenThousandEditions() {
        final Result result = chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_1", ALICE, "10000", "0");
        final JsonNode assets = result.ok();
        assertThat(assets).hasSize(10_000);
        assertThat(assets.get(9_999).path("id").asText()).isEqualTo("wk_1-10000");
        assertThat(result.event("EditionsIssued").path("assetIds")).hasSize(10_000);
    }

    @Test
    void refusesBadCountsPricesAndIds() {
        for (final String count : List.of("0", "10001", "-1", "two", "", "1.5", "99999999999999999999")) {
            chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_1", ALICE, count, "0")
                    .refused(ErrorCode.INVALID_ARGUMENT);
        }
        for (final String price : List.of("-1", "1e3", "", "12.50")) {
            chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_1", ALICE, "1", price)
                    .refused(ErrorCode.INVALID_ARGUMENT);
        }
        chain.submit(COPYRIGHT, "assets:IssueEditions", "wk 1", ALICE, "1", "0").refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_1", "", "1", "0").refused(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void theOwnerMustBeACreatorOfAnActiveWork() {
        chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_1", CAROL, "1", "0").refused(ErrorCode.NOT_OWNER);
        chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_2", ALICE, "1", "0").refused(ErrorCode.WORK_NOT_FOUND);
        chain.submit(COPYRIGHT, "works:SetWorkStatus", "wk_1", "FROZEN", "court").ok();
        chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_1", ALICE, "1", "0").refused(ErrorCode.WORK_NOT_TRADABLE);
        chain.submit(COPYRIGHT, "assets:IssueCopyright", "wk_1", ALICE).refused(ErrorCode.WORK_NOT_TRADABLE);
    }

    @Test
    void issuesTheCopyrightOnce() {
        final Result result = chain.submit(COPYRIGHT, "assets:IssueCopyright", "wk_1", ALICE);
        final JsonNode copyright = result.ok();
        assertThat(copyright.path("id").asText()).isEqualTo("wk_1-c");
        assertThat(copyright.path("kind").asText()).isEqualTo("COPYRIGHT");
        assertThat(copyright.path("edition").isNull()).isTrue();
        assertThat(copyright.path("editionCount").isNull()).isTrue();
        assertThat(copyright.path("issuePriceFen").isNull()).isTrue();
        assertThat(copyright.path("ownerId").asText()).isEqualTo(ALICE);
        assertThat(copyright.path("acquiredBy").asText()).isEqualTo("ISSUE");
        assertThat(result.event("CopyrightIssued")).isEqualTo(copyright);

        chain.submit(EXCHANGE, "assets:IssueCopyright", "wk_1", BOB).refused(ErrorCode.ASSET_EXISTS);
        chain.submit(EXCHANGE, "assets:IssueCopyright", "wk_1", CAROL).refused(ErrorCode.NOT_OWNER);
        chain.submit(EXCHANGE, "assets:IssueCopyright", "wk_2", ALICE).refused(ErrorCode.WORK_NOT_FOUND);

        issue(2);
        assertThat(WorkRegistrationTest.ids(chain.evaluate(REGULATOR, "assets:ListAssetsByWork", "wk_1").ok()))
                .containsExactly("wk_1-1", "wk_1-2", "wk_1-c");
    }

    @Test
    void assetQueriesRefuseUnknownAndMalformedIds() {
        chain.evaluate(REGULATOR, "assets:GetAsset", "wk_1-1").refused(ErrorCode.ASSET_NOT_FOUND);
        chain.evaluate(REGULATOR, "assets:GetAsset", "wk_1 1").refused(ErrorCode.INVALID_ARGUMENT);
        chain.evaluate(REGULATOR, "assets:GetAssetHistory", "wk_1-1").refused(ErrorCode.ASSET_NOT_FOUND);
        chain.evaluate(REGULATOR, "assets:ListAssetsByWork", "wk_2").refused(ErrorCode.WORK_NOT_FOUND);
        chain.evaluate(REGULATOR, "assets:ListAssetsByOwner", "acc?").refused(ErrorCode.INVALID_ARGUMENT);
        assertThat(chain.evaluate(REGULATOR, "assets:ListAssetsByOwner", CAROL).ok()).isEmpty();
        assertThat(chain.evaluate(REGULATOR, "assets:ListAssetsByWork", "wk_1").ok()).isEmpty();
    }

    @Test
    void assetIdsOfLongWorkIdsAreAccepted() {
        final String longId = "w".repeat(64);
        chain.submit(COPYRIGHT, "works:RegisterWork", Fixtures.work(longId, ALICE).toString()).ok();
        chain.submit(COPYRIGHT, "assets:IssueEditions", longId, ALICE, "10000", "1").ok();
        assertThat(asset(longId + "-10000").path("edition").asInt()).isEqualTo(10_000);
    }
}
