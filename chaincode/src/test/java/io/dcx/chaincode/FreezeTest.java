package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FreezeTest extends AssetTestSupport {

    @BeforeEach
    void issueEditions() {
        issue(2);
    }

    @Test
    void freezesAndUnfreezesWithEvents() {
        final Result frozen = chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-1", "AML review");
        final JsonNode asset = frozen.ok();
        assertThat(asset.path("status").asText()).isEqualTo("FROZEN");
        assertThat(asset.path("lastAction").asText()).isEqualTo("FROZEN");
        assertThat(asset.path("lastReason").asText()).isEqualTo("AML review");
        assertThat(frozen.event("AssetFrozen")).isEqualTo(asset);

        final Result unfrozen = chain.submit(EXCHANGE, "assets:UnfreezeAsset", "wk_1-1");
        final JsonNode active = unfrozen.ok();
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("lastAction").asText()).isEqualTo("UNFROZEN");
        assertThat(active.path("lastReason").isNull()).isTrue();
        assertThat(unfrozen.event("AssetUnfrozen")).isEqualTo(active);
    }

    @Test
    void freezingTwiceAndUnfreezingAnActiveAssetAreNoOps() {
        final JsonNode frozen = chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-1", "first").ok();
        final Result again = chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-1", "second");
        assertThat(again.ok()).isEqualTo(frozen);
        again.noWrites();
        again.noEvent();

        final Result unfreeze = chain.submit(EXCHANGE, "assets:UnfreezeAsset", "wk_1-2");
        assertThat(unfreeze.ok().path("status").asText()).isEqualTo("ACTIVE");
        unfreeze.noWrites();
        unfreeze.noEvent();
    }

    @Test
    void aLockSurvivesAFreezeAndComesBackOnUnfreeze() {
        final JsonNode locked = lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
        final JsonNode frozen = chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-1", "review").ok();
        assertThat(frozen.path("status").asText()).isEqualTo("FROZEN");
        assertThat(frozen.path("lock")).isEqualTo(locked.path("lock"));
        lock("wk_1-1", "tr_2", ALICE, DAVE).refused(ErrorCode.ASSET_LOCKED);

        final JsonNode unfrozen = chain.submit(EXCHANGE, "assets:UnfreezeAsset", "wk_1-1").ok();
        assertThat(unfrozen.path("status").asText()).isEqualTo("LOCKED");
        assertThat(unfrozen.path("lock")).isEqualTo(locked.path("lock"));
        settle("wk_1-1", "tr_1", CAROL).ok();
    }

    @Test
    void refusesMissingReasonsAndUnknownAssets() {
        chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-1", " ").refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-9", "r").refused(ErrorCode.ASSET_NOT_FOUND);
        chain.submit(EXCHANGE, "assets:UnfreezeAsset", "wk_1-9").refused(ErrorCode.ASSET_NOT_FOUND);
        chain.submit(EXCHANGE, "assets:UnfreezeAsset", "").refused(ErrorCode.INVALID_ARGUMENT);
    }
}
