package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferTest extends AssetTestSupport {

    @BeforeEach
    void issueEditions() {
        issue(3);
    }

    private Result transfer(final String assetId, final String from, final String to) {
        return chain.submit(EXCHANGE, "assets:TransferAsset", assetId, from, to, "gift to a friend");
    }

    @Test
    void transfersOffBoardWithReasonAndEvent() {
        final Result result = transfer("wk_1-1", ALICE, CAROL);
        final JsonNode asset = result.ok();
        assertThat(asset.path("ownerId").asText()).isEqualTo(CAROL);
        assertThat(asset.path("acquiredBy").asText()).isEqualTo("TRANSFER");
        assertThat(asset.path("acquiredAt").asText()).isEqualTo(result.timestamp.toString());
        assertThat(asset.path("lastAction").asText()).isEqualTo("TRANSFERRED");
        assertThat(asset.path("lastReason").asText()).isEqualTo("gift to a friend");

        final JsonNode event = result.event("AssetTransferred");
        assertThat(event.path("assetId").asText()).isEqualTo("wk_1-1");
        assertThat(event.path("fromId").asText()).isEqualTo(ALICE);
        assertThat(event.path("toId").asText()).isEqualTo(CAROL);
        assertThat(event.path("reason").asText()).isEqualTo("gift to a friend");
        assertThat(event.path("asset")).isEqualTo(asset);

        assertThat(ownedBy(ALICE)).containsExactly("wk_1-2", "wk_1-3");
        assertThat(ownedBy(CAROL)).containsExactly("wk_1-1");
        assertThat(chain.evaluate(REGULATOR, "assets:GetAssetHistory", "wk_1-1").ok())
                .extracting(e -> e.path("action").asText()).containsExactly("ISSUED", "TRANSFERRED");
    }

    @Test
    void refusesSelfTransfersAndNonOwners() {
        transfer("wk_1-1", ALICE, ALICE).refused(ErrorCode.SELF_TRADE);
        transfer("wk_1-1", BOB, CAROL).refused(ErrorCode.NOT_OWNER);
        transfer("wk_1-9", ALICE, CAROL).refused(ErrorCode.ASSET_NOT_FOUND);
    }

    @Test
    void refusesLockedAndFrozenAssets() {
        lock("wk_1-1", "tr_1", ALICE, DAVE).ok();
        assertThat(transfer("wk_1-1", ALICE, CAROL).refused(ErrorCode.ASSET_LOCKED).detail()).contains("tr_1");
        chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-2", "court").ok();
        transfer("wk_1-2", ALICE, CAROL).refused(ErrorCode.ASSET_FROZEN);
    }

    @Test
    void refusesAssetsOfAWorkThatIsNotActive() {
        chain.submit(COPYRIGHT, "works:SetWorkStatus", "wk_1", "DISPUTED", "claim").ok();
        transfer("wk_1-1", ALICE, CAROL).refused(ErrorCode.WORK_NOT_TRADABLE);
    }

    @Test
    void aTransferStartsAHoldingPeriodForTransfersAndSales() {
        final Instant received = Instant.parse(transfer("wk_1-1", ALICE, CAROL).ok().path("acquiredAt").asText());
        chain.at(received.plus(Duration.ofDays(180)).minusSeconds(1));
        transfer("wk_1-1", CAROL, DAVE).refused(ErrorCode.HOLDING_PERIOD);
        chain.at(received.plus(Duration.ofDays(180)).minusSeconds(1));
        lock("wk_1-1", "tr_1", CAROL, DAVE).refused(ErrorCode.HOLDING_PERIOD);
        chain.at(received.plus(Duration.ofDays(180)));
        transfer("wk_1-1", CAROL, DAVE).ok();
    }

    @Test
    void transfersCountAgainstTheDailyCaps() {
        policy(0, 1, 20);
        transfer("wk_1-1", ALICE, CAROL).ok();
        transfer("wk_1-1", CAROL, DAVE).refused(ErrorCode.TRANSFER_CAP);
        lock("wk_1-1", "tr_1", CAROL, DAVE).refused(ErrorCode.TRANSFER_CAP);
        policy(0, 5, 2);
        transfer("wk_1-2", ALICE, DAVE).ok();
        transfer("wk_1-3", ALICE, DAVE).refused(ErrorCode.TRANSFER_CAP);
    }

    @Test
    void refusesMalformedArguments() {
        chain.submit(EXCHANGE, "assets:TransferAsset", "wk_1-1", ALICE, CAROL, "").refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "assets:TransferAsset", "wk_1-1", ALICE, CAROL, "a\u0007b")
                .refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "assets:TransferAsset", "wk_1-1", "", CAROL, "gift")
                .refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "assets:TransferAsset", "wk_1-1", ALICE, "to carol", "gift")
                .refused(ErrorCode.INVALID_ARGUMENT);
    }
}
