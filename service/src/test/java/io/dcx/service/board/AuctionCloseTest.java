package io.dcx.service.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.application.board.Auctions;
import io.dcx.service.application.board.Halts;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Halt;
import io.dcx.service.domain.board.HaltScope;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.SagaStep;
import io.dcx.service.domain.board.SealedBidAuction;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The close of auctions and its edges, through the use cases: a halt postpones the close, a settlement the ledger
 * refuses closes the auction unsold with every hold released, and racing bids are taken one after the other.
 */
@QuarkusTest
class AuctionCloseTest {
    @Inject
    AuctionFixtures auctions;
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    Auctions useCases;
    @Inject
    Halts halts;
    @Inject
    Ledger ledger;
    @Inject
    ArmableSettlementFaults faults;

    @BeforeEach
    void noOpenAuctionsLeft() {
        faults.disarm();
        auctions.closeAllOpenAuctions();
    }

    @AfterEach
    void invariantsHold() {
        faults.disarm();
        invariants.check();
    }

    @Test
    void aHaltPostponesTheCloseUntilItIsLifted() {
        BoardFixtures.Party bidder = board.approved("halted-bidder", 20_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 1_000, null, 100, Duration.ofMinutes(10), 0);
        String bid = useCases.bid(bidder.actor(), listing.id(), 5_000L, null, Instant.now()).bid().id();
        Halt halt = halts.halt(board.operator(), HaltScope.LISTING, listing.id(), "price inquiry", null);

        assertThat(useCases.closeDue(listing.endsAt())).noneMatch(c -> c.listingId().equals(listing.id()));
        assertThat(auctions.listing(listing.id()).status()).isEqualTo(ListingStatus.OPEN);
        assertThat(auctions.bidStatus(bid)).isEqualTo("ACTIVE");
        assertThat(auctions.holdStatus(bid)).isEqualTo("HELD");

        halts.lift(board.operator(), halt.id());
        Auctions.ClosedAuction closed = auctions.close(listing.id(), listing.endsAt());
        assertThat(closed.winningBidId()).isEqualTo(bid);
        assertThat(auctions.trade(closed.tradeId()).status()).isEqualTo(TradeStatus.SETTLED);
    }

    @Test
    void aSettlementTheLedgerRefusesClosesTheAuctionUnsoldWithEveryHoldReleased() {
        BoardFixtures.Party winner = board.approved("refused-winner", 20_000);
        BoardFixtures.Party loser = board.approved("refused-loser", 20_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.sealed(lot, 1_000, Duration.ofMinutes(10), Duration.ofMinutes(10));
        String salt = "refused-settlement-salt";
        String win = useCases.bid(winner.actor(), listing.id(), null,
                SealedBidAuction.commitmentOf(9_000, salt, winner.accountId()),
                Instant.now()).bid().id();
        String lose = useCases.bid(loser.actor(), listing.id(), null,
                SealedBidAuction.commitmentOf(8_000, salt, loser.accountId()),
                Instant.now()).bid().id();
        Listing revealing = auctions.endBidding(listing.id());
        useCases.reveal(winner.actor(), listing.id(), win, 9_000, salt, Instant.now());
        useCases.reveal(loser.actor(), listing.id(), lose, 8_000, salt, Instant.now());
        // between the lock and the settlement the lock disappears: the contract refuses SettleTrade
        faults.runAt(SagaStep.LOCK_ASSET, true, tradeId ->
                ledger.submit(LedgerIdentity.EXCHANGE, "assets:ReleaseAsset", lot.assetId(), tradeId));

        Auctions.ClosedAuction closed = auctions.close(listing.id(), revealing.revealEndsAt());
        Trade trade = auctions.trade(closed.tradeId());
        assertThat(trade.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(trade.holdReference()).isEqualTo(win);
        assertThat(auctions.listing(listing.id()).status()).isEqualTo(ListingStatus.CLOSED);
        assertThat(auctions.holdStatus(win)).isEqualTo("RELEASED");
        assertThat(auctions.holdStatus(lose)).isEqualTo("RELEASED");
        assertThat(board.held(winner)).isZero();
        assertThat(board.available(winner)).isEqualTo(20_000);
        assertThat(board.available(loser)).isEqualTo(20_000);
        assertThat(board.chainAsset(lot.assetId()).path("ownerId").asText()).isEqualTo(lot.seller().accountId());
    }

    @Test
    void racingEqualBidsAreTakenOneAfterTheOther() throws Exception {
        int racers = 6;
        List<BoardFixtures.Party> parties = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            parties.add(board.approved("racer", 10_000));
        }
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 5_000, null, 100, Duration.ofMinutes(10), 0);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (BoardFixtures.Party p : parties) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return useCases.bid(p.actor(), listing.id(), 5_000L, null, Instant.now()).bid().id();
                    } catch (DcxException e) {
                        return e.code().name();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            // exactly one bid at the opening price; the others see it and are too low
            assertThat(results).filteredOn(r -> r.startsWith("bid_")).hasSize(1);
            assertThat(results).filteredOn(r -> !r.startsWith("bid_")).hasSize(racers - 1)
                    .allMatch(r -> r.equals(ErrorCode.BID_TOO_LOW.name()));
            assertThat(auctions.bids(listing.id())).isEqualTo(1);
            assertThat(parties.stream().mapToLong(board::held).sum()).isEqualTo(5_000);
        } finally {
            pool.shutdownNow();
        }
        auctions.close(listing.id(), listing.endsAt());
    }
}
