package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;

import com.fasterxml.jackson.databind.JsonNode;

/** A chain with work {@code wk_1} by alice (70%) and bob (30%), and helpers for the asset transactions. */
abstract class AssetTestSupport {
    static final String ALICE = "acc_alice";
    static final String BOB = "acc_bob";
    static final String CAROL = "acc_carol";
    static final String DAVE = "acc_dave";

    final TestChain chain = new TestChain();

    AssetTestSupport() {
        final var work = Fixtures.work("wk_1", ALICE, BOB);
        work.withArray("creators").removeAll();
        work.withArray("creators").addObject().put("accountId", ALICE).put("shareBps", 7000);
        work.withArray("creators").addObject().put("accountId", BOB).put("shareBps", 3000);
        chain.submit(COPYRIGHT, "works:RegisterWork", work.toString()).ok();
    }

    JsonNode issue(final int count) {
        return chain.submit(COPYRIGHT, "assets:IssueEditions", "wk_1", ALICE, Integer.toString(count), "10000").ok();
    }

    Result lock(final String assetId, final String tradeId, final String seller, final String buyer) {
        return chain.submit(EXCHANGE, "assets:LockAsset", assetId, tradeId, seller, buyer, Fixtures.terms(tradeId));
    }

    Result settle(final String assetId, final String tradeId, final String buyer) {
        return chain.submit(EXCHANGE, "assets:SettleTrade", assetId, tradeId, buyer, Fixtures.terms(tradeId));
    }

    /** Locks and settles; answers the trade. */
    JsonNode sell(final String assetId, final String tradeId, final String seller, final String buyer) {
        lock(assetId, tradeId, seller, buyer).ok();
        return settle(assetId, tradeId, buyer).ok();
    }

    JsonNode policy(final long holdingSeconds, final int capPerAsset, final int capPerAccount) {
        return chain.submit(EXCHANGE, "policy:SetBoardPolicy", Result.JACKSON.createObjectNode()
                .put("holdingPeriodSeconds", holdingSeconds)
                .put("dailyTransferCapPerAsset", capPerAsset)
                .put("dailyTransferCapPerAccount", capPerAccount)
                .toString()).ok();
    }

    JsonNode asset(final String id) {
        return chain.evaluate(EXCHANGE, "assets:GetAsset", id).ok();
    }

    java.util.List<String> ownedBy(final String account) {
        return WorkRegistrationTest.ids(chain.evaluate(EXCHANGE, "assets:ListAssetsByOwner", account).ok());
    }
}
