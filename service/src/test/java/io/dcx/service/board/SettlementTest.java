package io.dcx.service.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.application.board.SettlementRecovery;
import io.dcx.service.application.board.SettlementSaga;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.SagaStep;
import io.dcx.service.domain.board.StepStatus;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStatus;
import io.dcx.service.domain.board.TradeStepRecord;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.board.BoardFixtures.Work;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delivery versus payment end to end on the embedded ledger: fees and royalties to the fen, the race for one asset,
 * a ledger that refuses the lock or the settlement, and a crash between every pair of saga steps. Each test ends
 * with {@link BoardInvariants#check()}.
 */
@QuarkusTest
class SettlementTest {
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    Purchases purchases;
    @Inject
    SettlementSaga saga;
    @Inject
    SettlementRecovery recovery;
    @Inject
    TradeStore trades;
    @Inject
    ArmableSettlementFaults faults;
    @Inject
    Ledger ledger;

    private BoardPolicies.Policy policyBefore;

    @BeforeEach
    void rememberPolicy() {
        policyBefore = board.policy();
        faults.disarm();
    }

    @AfterEach
    void invariantsHold() {
        faults.disarm();
        board.restorePolicy(policyBefore);
        invariants.check();
    }

    @Test
    void aPrimarySalePaysTheSellerLessTheFeeAndNoRoyalty() {
        Party creator = board.approved("creator", 0);
        Party buyer = board.approved("buyer", 100_000);
        Work work = board.editions(3, 10_000, creator);
        Listing listing = board.fixedPrice(creator, work.assetIds().get(0), 10_000);
        long fees = board.exchangeFees();

        Trade trade = purchases.buy(buyer.actor(), listing.id());

        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trade.split().fee().fen()).isEqualTo(250);
        assertThat(trade.split().royalties()).isEmpty();
        assertThat(trade.split().sellerNet().fen()).isEqualTo(9_750);
        assertThat(board.available(buyer)).isEqualTo(90_000);
        assertThat(board.held(buyer)).isZero();
        assertThat(board.available(creator)).isEqualTo(9_750);
        assertThat(board.exchangeFees() - fees).isEqualTo(250);
        assertThat(board.chainAsset(listing.assetId()).path("ownerId").asText()).isEqualTo(buyer.accountId());
        List<TradeStepRecord> steps = trades.steps(trade.id());
        assertThat(steps).extracting(TradeStepRecord::step).containsExactly(SagaStep.HOLD_FUNDS, SagaStep.LOCK_ASSET,
                SagaStep.SETTLE_ON_CHAIN, SagaStep.POST_JOURNAL);
        assertThat(steps).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.DONE));
        assertThat(steps.get(2).txId()).isEqualTo(trade.settleTxId()).isNotNull();
        assertThat(ChainJson.parse(ledger.evaluate(LedgerIdentity.REGULATOR, "assets:GetTrade", trade.id()))
                .path("termsHash").asText()).isEqualTo(trade.termsHash());
    }

    @Test
    void aResalePaysRoyaltiesToEveryCreatorByShareToTheFen() {
        board.quickResales();
        Party alice = board.approved("alice", 0);
        Party dave = board.approved("dave", 0);
        Party bob = board.approved("bob", 100_000);
        Party carol = board.approved("carol", 100_000);
        Work work = board.editions(2, 10_000, alice, 6_000, dave, 4_000);
        String asset = work.assetIds().get(1);
        Trade first = purchases.buy(bob.actor(), board.fixedPrice(alice, asset, 10_000).id());
        assertThat(first.status()).isEqualTo(TradeStatus.SETTLED);
        long aliceBefore = board.available(alice);
        long fees = board.exchangeFees();

        Trade resale = purchases.buy(carol.actor(), board.fixedPrice(bob, asset, 12_345).id());

        // fee 250 bps: 308.625 -> 308; royalty pool 500 bps: 617.25 -> 617, shared 6000/4000 = 370.2 / 246.8 -> the
        // one fen left goes to the larger remainder (dave's); the seller gets the rest.
        assertThat(resale.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(resale.split().fee().fen()).isEqualTo(308);
        assertThat(resale.split().royalties()).extracting(r -> r.accountId(), r -> r.amount().fen())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(alice.accountId(), 370L),
                        org.assertj.core.groups.Tuple.tuple(dave.accountId(), 247L));
        assertThat(resale.split().sellerNet().fen()).isEqualTo(12_345 - 308 - 617);
        assertThat(board.available(carol)).isEqualTo(100_000 - 12_345);
        assertThat(board.available(bob)).isEqualTo(100_000 - 10_000 + 11_420);
        assertThat(board.available(alice) - aliceBefore).isEqualTo(370);
        assertThat(board.available(dave)).isEqualTo(247);
        assertThat(board.exchangeFees() - fees).isEqualTo(308);
    }

    @Test
    void ofTwoBuyersRacingForOneAssetExactlyOneSettlesAndTheOtherKeepsItsMoney() throws Exception {
        Party seller = board.approved("seller", 0);
        Party one = board.approved("racer1", 50_000);
        Party two = board.approved("racer2", 50_000);
        Listing listing = board.fixedPrice(seller, board.editions(1, 20_000, seller).assetIds().get(0), 20_000);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> results = new ArrayList<>();
        for (Party p : List.of(one, two)) {
            results.add(pool.submit((Callable<Object>) () -> {
                start.await();
                try {
                    return purchases.buy(p.actor(), listing.id());
                } catch (DcxException e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> o instanceof Trade t && t.status() == TradeStatus.SETTLED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof DcxException e && e.code() == ErrorCode.LISTING_NOT_OPEN)
                .hasSize(1);
        Trade won = (Trade) outcomes.stream().filter(o -> o instanceof Trade).findFirst().orElseThrow();
        Party winner = won.buyerId().equals(one.accountId()) ? one : two;
        Party loser = winner == one ? two : one;
        assertThat(board.available(winner)).isEqualTo(30_000);
        assertThat(board.available(loser)).isEqualTo(50_000);
        assertThat(board.held(loser)).isZero();
        assertThat(board.chainAsset(listing.assetId()).path("ownerId").asText()).isEqualTo(winner.accountId());
    }

    @Test
    void aBuyerWithoutTheMoneyIsRefusedAndNothingIsWritten() {
        Party seller = board.approved("seller", 0);
        Party poor = board.approved("poor", 500);
        Listing listing = board.fixedPrice(seller, board.editions(1, 20_000, seller).assetIds().get(0), 20_000);
        long height = ledger.height();
        long tradeRows = board.kyc().rows("board_trade");

        assertThatThrownBy(() -> purchases.buy(poor.actor(), listing.id()))
                .isInstanceOfSatisfying(DcxException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INSUFFICIENT_FUNDS));

        assertThat(ledger.height()).isEqualTo(height);
        assertThat(board.kyc().rows("board_trade")).isEqualTo(tradeRows);
        assertThat(board.available(poor)).isEqualTo(500);
        assertThat(board.kyc().text("SELECT status FROM board_listing WHERE id = ?1", listing.id())).isEqualTo("OPEN");
    }

    @Test
    void aSettlementTheLedgerRefusesReleasesTheHoldAndPutsTheListingBack() {
        Party seller = board.approved("seller", 0);
        Party buyer = board.approved("buyer", 50_000);
        Listing listing = board.fixedPrice(seller, board.editions(1, 20_000, seller).assetIds().get(0), 20_000);
        // Between the lock and the settlement, the lock disappears: the contract then refuses SettleTrade.
        faults.runAt(SagaStep.LOCK_ASSET, true, tradeId ->
                ledger.submit(LedgerIdentity.EXCHANGE, "assets:ReleaseAsset", listing.assetId(), tradeId));

        Trade trade = purchases.buy(buyer.actor(), listing.id());

        assertThat(trade.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(trade.failureCode()).isEqualTo("ASSET_NOT_TRADABLE");
        assertThat(trade.failureReason()).contains("not locked");
        assertThat(board.available(buyer)).isEqualTo(50_000);
        assertThat(board.held(buyer)).isZero();
        assertThat(board.available(seller)).isZero();
        assertThat(board.chainAsset(listing.assetId()).path("ownerId").asText()).isEqualTo(seller.accountId());
        assertThat(board.kyc().text("SELECT status FROM board_listing WHERE id = ?1", listing.id())).isEqualTo("OPEN");
        assertThat(trades.steps(trade.id())).extracting(TradeStepRecord::step, TradeStepRecord::status)
                .contains(org.assertj.core.groups.Tuple.tuple(SagaStep.SETTLE_ON_CHAIN, StepStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple(SagaStep.RELEASE_HOLD, StepStatus.DONE));

        // The listing is back: another buyer gets it.
        Party next = board.approved("next", 50_000);
        assertThat(purchases.buy(next.actor(), listing.id()).status()).isEqualTo(TradeStatus.SETTLED);
    }

    @Test
    void aLockTheLedgerRefusesEndsTheTradeFailedWithTheContractsReason() {
        Party seller = board.approved("seller", 0);
        Party buyer = board.approved("buyer", 50_000);
        Listing listing = board.fixedPrice(seller, board.editions(1, 20_000, seller).assetIds().get(0), 20_000);
        faults.runAt(SagaStep.LOCK_ASSET, false, tradeId ->
                ledger.submit(LedgerIdentity.EXCHANGE, "assets:FreezeAsset", listing.assetId(), "court order"));

        Trade trade = purchases.buy(buyer.actor(), listing.id());

        assertThat(trade.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(trade.failureCode()).isEqualTo("ASSET_NOT_TRADABLE");
        assertThat(board.available(buyer)).isEqualTo(50_000);
        assertThat(board.chainAsset(listing.assetId()).path("status").asText()).isEqualTo("FROZEN");
        ledger.submit(LedgerIdentity.EXCHANGE, "assets:UnfreezeAsset", listing.assetId());
    }

    /** A crash before or after sending each step; resuming finishes the trade once: one transfer, one capture. */
    @ParameterizedTest(name = "crash {1} sending {0}")
    @CsvSource({
        "LOCK_ASSET, false", "LOCK_ASSET, true",
        "SETTLE_ON_CHAIN, false", "SETTLE_ON_CHAIN, true",
        "POST_JOURNAL, false", "POST_JOURNAL, true"})
    void aCrashBetweenStepsResumesAndSettlesExactlyOnce(SagaStep step, boolean sent) {
        Party seller = board.approved("seller", 0);
        Party buyer = board.approved("buyer", 50_000);
        Listing listing = board.fixedPrice(seller, board.editions(1, 20_000, seller).assetIds().get(0), 20_000);
        faults.crashAt(step, sent);

        assertThatThrownBy(() -> purchases.buy(buyer.actor(), listing.id()))
                .isInstanceOf(ArmableSettlementFaults.SimulatedCrash.class);
        boolean journalPosted = step == SagaStep.POST_JOURNAL && sent;
        Trade interrupted = trades.search(buyer.accountId(), null, null, 0, 1).get(0);
        // Posting the journal commits the money and SETTLED together, so a crash after it leaves nothing to resume.
        assertThat(interrupted.status()).isEqualTo(journalPosted ? TradeStatus.SETTLED : TradeStatus.SETTLING);
        assertThat(board.held(buyer) + board.available(buyer)).isEqualTo(journalPosted ? 30_000 : 50_000);

        assertThat(recovery.resumeAll()).isGreaterThanOrEqualTo(journalPosted ? 0 : 1);

        Trade resumed = trades.find(interrupted.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(board.available(buyer)).isEqualTo(30_000);
        assertThat(board.held(buyer)).isZero();
        assertThat(board.available(seller)).isEqualTo(19_500);
        JsonNode history = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "assets:GetAssetHistory",
                listing.assetId()));
        long transfers = 0;
        for (JsonNode entry : history) {
            if ("SETTLED".equals(entry.path("action").asText())) {
                transfers++;
            }
        }
        assertThat(transfers).as("owner changes on chain").isEqualTo(1);
        assertThat(trades.steps(resumed.id())).filteredOn(s -> s.step() == step)
                .singleElement().satisfies(s -> assertThat(s.attempts()).isEqualTo(journalPosted ? 1 : 2));
    }

    @Test
    void aCrashWhileCompensatingResumesToFailedWithTheHoldReleased() {
        Party seller = board.approved("seller", 0);
        Party buyer = board.approved("buyer", 50_000);
        Listing listing = board.fixedPrice(seller, board.editions(1, 20_000, seller).assetIds().get(0), 20_000);
        faults.runAt(SagaStep.SETTLE_ON_CHAIN, false, tradeId -> {
            ledger.submit(LedgerIdentity.EXCHANGE, "assets:ReleaseAsset", listing.assetId(), tradeId);
            faults.crashAt(SagaStep.RELEASE_HOLD, false);
        });

        assertThatThrownBy(() -> purchases.buy(buyer.actor(), listing.id()))
                .isInstanceOf(ArmableSettlementFaults.SimulatedCrash.class);
        assertThat(board.held(buyer)).isEqualTo(20_000);

        recovery.resumeAll();

        Trade trade = trades.search(buyer.accountId(), null, null, 0, 1).get(0);
        assertThat(trade.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(board.available(buyer)).isEqualTo(50_000);
        assertThat(board.held(buyer)).isZero();
    }
}
