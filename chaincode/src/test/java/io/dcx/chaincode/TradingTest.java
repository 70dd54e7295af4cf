package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TradingTest extends AssetTestSupport {
    private static final Duration HOLDING = Duration.ofDays(180);

    @BeforeEach
    void issueEditions() {
        issue(5);
    }

    @Nested
    class Lock {
        @Test
        void locksTheAssetForTheTrade() {
            final Result result = lock("wk_1-1", "tr_1", ALICE, CAROL);
            final JsonNode asset = result.ok();
            assertThat(asset.path("status").asText()).isEqualTo("LOCKED");
            assertThat(asset.path("ownerId").asText()).isEqualTo(ALICE);
            assertThat(asset.path("lastAction").asText()).isEqualTo("LOCKED");
            assertThat(asset.path("txId").asText()).isEqualTo(result.txId);
            final JsonNode lock = asset.path("lock");
            assertThat(lock.path("tradeId").asText()).isEqualTo("tr_1");
            assertThat(lock.path("sellerId").asText()).isEqualTo(ALICE);
            assertThat(lock.path("buyerId").asText()).isEqualTo(CAROL);
            assertThat(lock.path("termsHash").asText()).isEqualTo(Fixtures.terms("tr_1"));
            assertThat(lock.path("lockedAt").asText()).isEqualTo(result.timestamp.toString());
            assertThat(result.event("AssetLocked")).isEqualTo(asset);
            assertThat(result.writes.keySet()).containsExactly(new CompositeKey("asset", "wk_1-1").toString());
            assertThat(asset("wk_1-1")).isEqualTo(asset);
        }

        @Test
        void lockingAgainForTheSameTradeAndTermsIsANoOp() {
            final JsonNode locked = lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            final Result again = lock("wk_1-1", "tr_1", ALICE, CAROL);
            assertThat(again.ok()).isEqualTo(locked);
            again.noWrites();
            again.noEvent();
        }

        @Test
        void anotherTradeFindsTheAssetLocked() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            assertThat(lock("wk_1-1", "tr_2", ALICE, DAVE).refused(ErrorCode.ASSET_LOCKED).detail()).contains("tr_1");
        }

        @Test
        void theSameTradeWithOtherPartiesOrTermsIsAMismatch() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            lock("wk_1-1", "tr_1", ALICE, DAVE).refused(ErrorCode.TRADE_MISMATCH);
            chain.submit(EXCHANGE, "assets:LockAsset", "wk_1-1", "tr_1", ALICE, CAROL, Fixtures.terms("other"))
                    .refused(ErrorCode.TRADE_MISMATCH);
        }

        @Test
        void refusesASelfTradeAndASellerWhoIsNotTheOwner() {
            lock("wk_1-1", "tr_1", ALICE, ALICE).refused(ErrorCode.SELF_TRADE);
            lock("wk_1-1", "tr_1", BOB, CAROL).refused(ErrorCode.NOT_OWNER);
            lock("wk_1-9", "tr_1", ALICE, CAROL).refused(ErrorCode.ASSET_NOT_FOUND);
        }

        @Test
        void refusesAFrozenAsset() {
            chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-1", "investigation").ok();
            lock("wk_1-1", "tr_1", ALICE, CAROL).refused(ErrorCode.ASSET_FROZEN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"DISPUTED", "FROZEN", "REVOKED"})
        void refusesAssetsOfAWorkThatIsNotActive(final String status) {
            chain.submit(COPYRIGHT, "works:SetWorkStatus", "wk_1", status, "reason").ok();
            lock("wk_1-1", "tr_1", ALICE, CAROL).refused(ErrorCode.WORK_NOT_TRADABLE);
        }

        @Test
        void refusesATradeIdThatIsAlreadySettled() {
            sell("wk_1-1", "tr_1", ALICE, CAROL);
            lock("wk_1-2", "tr_1", ALICE, CAROL).refused(ErrorCode.TRADE_MISMATCH);
        }

        @Test
        void refusesMalformedArguments() {
            final String terms = Fixtures.terms("t");
            final String[][] cases = {
                {"wk_1 1", "tr_1", ALICE, CAROL, terms},
                {"wk_1-1", "", ALICE, CAROL, terms},
                {"wk_1-1", "tr_1", "acc:a", CAROL, terms},
                {"wk_1-1", "tr_1", ALICE, "x".repeat(65), terms},
                {"wk_1-1", "tr_1", ALICE, CAROL, terms.toUpperCase()},
                {"wk_1-1", "tr_1", ALICE, CAROL, "price=100"},
            };
            for (final String[] args : cases) {
                chain.submit(EXCHANGE, "assets:LockAsset", args).refused(ErrorCode.INVALID_ARGUMENT);
            }
        }
    }

    @Nested
    class Settle {
        @Test
        void transfersOwnershipRecordsTheTradeAndMovesTheOwnerIndex() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            final Result result = settle("wk_1-1", "tr_1", CAROL);
            final JsonNode trade = result.ok();

            final List<String> names = new ArrayList<>();
            trade.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("tradeId", "assetId", "sellerId", "buyerId", "termsHash", "settledAt",
                    "txId");
            assertThat(trade.path("tradeId").asText()).isEqualTo("tr_1");
            assertThat(trade.path("assetId").asText()).isEqualTo("wk_1-1");
            assertThat(trade.path("sellerId").asText()).isEqualTo(ALICE);
            assertThat(trade.path("buyerId").asText()).isEqualTo(CAROL);
            assertThat(trade.path("termsHash").asText()).isEqualTo(Fixtures.terms("tr_1"));
            assertThat(trade.path("settledAt").asText()).isEqualTo(result.timestamp.toString());
            assertThat(trade.path("txId").asText()).isEqualTo(result.txId);
            assertThat(result.event("TradeSettled")).isEqualTo(trade);
            assertThat(chain.evaluate(REGULATOR, "assets:GetTrade", "tr_1").ok()).isEqualTo(trade);

            final JsonNode asset = asset("wk_1-1");
            assertThat(asset.path("ownerId").asText()).isEqualTo(CAROL);
            assertThat(asset.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(asset.path("lock").isNull()).isTrue();
            assertThat(asset.path("acquiredBy").asText()).isEqualTo("TRADE");
            assertThat(asset.path("acquiredAt").asText()).isEqualTo(result.timestamp.toString());
            assertThat(asset.path("lastAction").asText()).isEqualTo("SETTLED");
            assertThat(asset.path("issuePriceFen").asLong()).isEqualTo(10_000);

            assertThat(ownedBy(ALICE)).containsExactly("wk_1-2", "wk_1-3", "wk_1-4", "wk_1-5");
            assertThat(ownedBy(CAROL)).containsExactly("wk_1-1");
            assertThat(result.writes).containsKey(new CompositeKey("ownerAsset", ALICE, "wk_1-1").toString());
            assertThat(result.writes.get(new CompositeKey("ownerAsset", ALICE, "wk_1-1").toString())).isNull();

            final String day = "20250301";
            for (final CompositeKey counter : List.of(
                    new CompositeKey("transferCount", "asset", "wk_1-1", day),
                    new CompositeKey("transferCount", "account", ALICE, day),
                    new CompositeKey("transferCount", "account", CAROL, day))) {
                assertThat(new String(chain.ledger.get(counter.toString()), StandardCharsets.UTF_8)).isEqualTo("1");
            }
        }

        @Test
        void aReplayAnswersTheSettledTradeAndWritesNothing() {
            final JsonNode trade = sell("wk_1-1", "tr_1", ALICE, CAROL);
            final Result replay = settle("wk_1-1", "tr_1", CAROL);
            assertThat(replay.ok()).isEqualTo(trade);
            replay.noWrites();
            replay.noEvent();
            assertThat(asset("wk_1-1").path("ownerId").asText()).isEqualTo(CAROL);
            assertThat(ownedBy(CAROL)).containsExactly("wk_1-1");
        }

        @Test
        void aReplayWithOtherDetailsIsAMismatch() {
            sell("wk_1-1", "tr_1", ALICE, CAROL);
            settle("wk_1-2", "tr_1", CAROL).refused(ErrorCode.TRADE_MISMATCH);
            settle("wk_1-1", "tr_1", DAVE).refused(ErrorCode.TRADE_MISMATCH);
            chain.submit(EXCHANGE, "assets:SettleTrade", "wk_1-1", "tr_1", CAROL, Fixtures.terms("x"))
                    .refused(ErrorCode.TRADE_MISMATCH);
        }

        @Test
        void theAssetMustBeLockedForExactlyThisTrade() {
            settle("wk_1-1", "tr_1", CAROL).refused(ErrorCode.ASSET_NOT_LOCKED);
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            settle("wk_1-1", "tr_2", CAROL).refused(ErrorCode.TRADE_MISMATCH);
            settle("wk_1-1", "tr_1", DAVE).refused(ErrorCode.TRADE_MISMATCH);
            chain.submit(EXCHANGE, "assets:SettleTrade", "wk_1-1", "tr_1", CAROL, Fixtures.terms("cheaper"))
                    .refused(ErrorCode.TRADE_MISMATCH);
            settle("wk_1-7", "tr_1", CAROL).refused(ErrorCode.ASSET_NOT_FOUND);
            settle("wk_1-1", "tr_1", CAROL).ok();
        }

        @Test
        void aFrozenAssetDoesNotSettle() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-1", "suspicious").ok();
            settle("wk_1-1", "tr_1", CAROL).refused(ErrorCode.ASSET_FROZEN);
            chain.submit(EXCHANGE, "assets:UnfreezeAsset", "wk_1-1").ok();
            settle("wk_1-1", "tr_1", CAROL).ok();
        }

        @Test
        void aWorkDisputedAfterTheLockDoesNotSettle() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            chain.submit(COPYRIGHT, "works:SetWorkStatus", "wk_1", "DISPUTED", "claim").ok();
            settle("wk_1-1", "tr_1", CAROL).refused(ErrorCode.WORK_NOT_TRADABLE);
            chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-1", "tr_1").ok();
        }

        @Test
        void ownerIndexesFollowEverySale() {
            policy(0, 5, 20);
            sell("wk_1-1", "tr_1", ALICE, CAROL);
            sell("wk_1-1", "tr_2", CAROL, DAVE);
            sell("wk_1-2", "tr_3", ALICE, DAVE);
            sell("wk_1-1", "tr_4", DAVE, ALICE);
            assertThat(ownedBy(ALICE)).containsExactly("wk_1-1", "wk_1-3", "wk_1-4", "wk_1-5");
            assertThat(ownedBy(CAROL)).isEmpty();
            assertThat(ownedBy(DAVE)).containsExactly("wk_1-2");
        }

        @Test
        void assetHistoryIsOldestFirst() {
            sell("wk_1-1", "tr_1", ALICE, CAROL);
            final JsonNode history = chain.evaluate(REGULATOR, "assets:GetAssetHistory", "wk_1-1").ok();
            assertThat(history).extracting(e -> e.path("action").asText())
                    .containsExactly("ISSUED", "LOCKED", "SETTLED");
            assertThat(history).extracting(e -> e.path("value").path("ownerId").asText())
                    .containsExactly(ALICE, ALICE, CAROL);
            assertThat(history.get(2).path("txId").asText())
                    .isEqualTo(chain.evaluate(REGULATOR, "assets:GetTrade", "tr_1").ok().path("txId").asText());
        }

        @Test
        void getTradeRefusesUnknownTrades() {
            chain.evaluate(REGULATOR, "assets:GetTrade", "tr_9").refused(ErrorCode.TRADE_NOT_FOUND);
            chain.evaluate(REGULATOR, "assets:GetTrade", "tr 9").refused(ErrorCode.INVALID_ARGUMENT);
            lock("wk_1-1", "tr_9", ALICE, CAROL).ok();
            chain.evaluate(REGULATOR, "assets:GetTrade", "tr_9").refused(ErrorCode.TRADE_NOT_FOUND);
        }
    }

    @Nested
    class Release {
        @Test
        void releasesTheLock() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            final Result result = chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-1", "tr_1");
            final JsonNode asset = result.ok();
            assertThat(asset.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(asset.path("lock").isNull()).isTrue();
            assertThat(asset.path("ownerId").asText()).isEqualTo(ALICE);
            assertThat(asset.path("lastAction").asText()).isEqualTo("RELEASED");
            assertThat(result.event("AssetReleased")).isEqualTo(asset);
            lock("wk_1-1", "tr_2", ALICE, DAVE).ok();
        }

        @Test
        void releasingAnUnlockedAssetIsANoOp() {
            final JsonNode before = asset("wk_1-1");
            final Result result = chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-1", "tr_1");
            assertThat(result.ok()).isEqualTo(before);
            result.noWrites();
            result.noEvent();
        }

        @Test
        void anotherTradeCannotRelease() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-1", "tr_2").refused(ErrorCode.TRADE_MISMATCH);
            chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-8", "tr_1").refused(ErrorCode.ASSET_NOT_FOUND);
            chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-1", "tr 1").refused(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void releasingAFrozenAssetKeepsItFrozen() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-1", "court order").ok();
            final JsonNode released = chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-1", "tr_1").ok();
            assertThat(released.path("status").asText()).isEqualTo("FROZEN");
            assertThat(released.path("lock").isNull()).isTrue();
            assertThat(chain.submit(EXCHANGE, "assets:UnfreezeAsset", "wk_1-1").ok().path("status").asText())
                    .isEqualTo("ACTIVE");
        }
    }

    @Nested
    class HoldingPeriod {
        @Test
        void aBuyerMayResellExactlyWhenTheHoldingPeriodEnds() {
            policy(HOLDING.toSeconds(), 1, 20);
            final Instant bought = Instant.parse(sell("wk_1-1", "tr_1", ALICE, CAROL).path("settledAt").asText());

            chain.at(bought.plus(HOLDING).minusSeconds(1));
            assertThat(lock("wk_1-1", "tr_2", CAROL, DAVE).refused(ErrorCode.HOLDING_PERIOD).detail())
                    .contains(bought.plus(HOLDING).toString());
            chain.at(bought.plus(HOLDING).minusNanos(1));
            lock("wk_1-1", "tr_2", CAROL, DAVE).refused(ErrorCode.HOLDING_PERIOD);
            chain.at(bought.plus(HOLDING));
            lock("wk_1-1", "tr_2", CAROL, DAVE).ok();
        }

        @Test
        void theDefaultHoldingPeriodIs180Days() {
            final Instant bought = Instant.parse(sell("wk_1-1", "tr_1", ALICE, CAROL).path("settledAt").asText());
            chain.at(bought.plus(Duration.ofDays(179)));
            lock("wk_1-1", "tr_2", CAROL, DAVE).refused(ErrorCode.HOLDING_PERIOD);
            chain.at(bought.plus(Duration.ofDays(180)));
            lock("wk_1-1", "tr_2", CAROL, DAVE).ok();
        }

        @Test
        void primarySalesFromIssueAreExempt() {
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            settle("wk_1-1", "tr_1", CAROL).ok();
        }
    }

    @Nested
    class Caps {
        @Test
        void anAssetMovesOncePerUtcDayByDefault() {
            policy(0, 1, 20);
            chain.at(Instant.parse("2025-03-01T23:59:57Z"));
            sell("wk_1-1", "tr_1", ALICE, CAROL);
            assertThat(lock("wk_1-1", "tr_2", CAROL, DAVE).refused(ErrorCode.TRANSFER_CAP).detail())
                    .contains("wk_1-1").contains("20250301");
            chain.at(Instant.parse("2025-03-02T00:00:00Z"));
            sell("wk_1-1", "tr_2", CAROL, DAVE);
            assertThat(chain.ledger.get(new CompositeKey("transferCount", "asset", "wk_1-1", "20250302").toString()))
                    .asString(StandardCharsets.UTF_8).isEqualTo("1");
        }

        @Test
        void theSellersDailyCapCounts() {
            policy(0, 1, 2);
            sell("wk_1-1", "tr_1", ALICE, CAROL);
            sell("wk_1-2", "tr_2", ALICE, DAVE);
            assertThat(lock("wk_1-3", "tr_3", ALICE, BOB).refused(ErrorCode.TRANSFER_CAP).detail())
                    .contains(ALICE);
            chain.advance(Duration.ofDays(1));
            lock("wk_1-3", "tr_3", ALICE, BOB).ok();
        }

        @Test
        void theBuyersDailyCapCounts() {
            policy(0, 1, 1);
            chain.submit(COPYRIGHT, "assets:IssueCopyright", "wk_1", BOB).ok();
            sell("wk_1-1", "tr_1", ALICE, CAROL);
            assertThat(lock("wk_1-c", "tr_2", BOB, CAROL).refused(ErrorCode.TRANSFER_CAP).detail()).contains(CAROL);
            lock("wk_1-c", "tr_2", BOB, DAVE).ok();
        }

        @Test
        void capsAreCheckedAgainWhenATradeSettles() {
            policy(0, 1, 1);
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            lock("wk_1-2", "tr_2", ALICE, DAVE).ok();
            settle("wk_1-1", "tr_1", CAROL).ok();
            settle("wk_1-2", "tr_2", DAVE).refused(ErrorCode.TRANSFER_CAP);
            chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-2", "tr_2").ok();
            assertThat(ownedBy(DAVE)).isEmpty();
        }

        @Test
        void aCapOfZeroStopsAllTransfers() {
            policy(0, 0, 20);
            lock("wk_1-1", "tr_1", ALICE, CAROL).refused(ErrorCode.TRANSFER_CAP);
        }

        @Test
        void issuesAndLocksDoNotCount() {
            policy(0, 1, 1);
            lock("wk_1-1", "tr_1", ALICE, CAROL).ok();
            chain.submit(EXCHANGE, "assets:ReleaseAsset", "wk_1-1", "tr_1").ok();
            lock("wk_1-1", "tr_2", ALICE, CAROL).ok();
            settle("wk_1-1", "tr_2", CAROL).ok();
        }
    }
}
