package io.dcx.service.domain.board;

import static io.dcx.service.domain.board.AuctionTestData.SELLER;
import static io.dcx.service.domain.board.AuctionTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EnglishAuctionTest {
    private static final Instant ENDS = T0.plus(Duration.ofHours(1));

    /** Plays bids through the rules as the application does: the beaten bid is replaced, the new one appended. */
    private static final class Play {
        Listing listing;
        final List<Bid> bids = new ArrayList<>();
        int next;

        Play(Listing listing) {
            this.listing = listing;
        }

        EnglishAuction auction() {
            return new EnglishAuction(listing, bids);
        }

        EnglishAuction.Placement bid(String bidder, long fen, Instant at) {
            EnglishAuction.Placement p = auction().place("bid_" + next, bidder, Money.fen(fen), at);
            next++;
            p.outbid().ifPresent(o -> bids.replaceAll(b -> b.id().equals(o.id()) ? o : b));
            bids.add(p.bid());
            listing = p.listing();
            return p;
        }
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(code));
    }

    @Test
    void firstBidIsAtLeastTheOpeningPrice() {
        Play play = new Play(AuctionTestData.english(10_000L, null, 500L, ENDS, null));
        assertThat(play.auction().minimumBid()).isEqualTo(Money.fen(10_000));
        assertThatThrownBy(() -> play.bid("acc_a", 9_999, T0)).isInstanceOf(DcxException.class)
                .satisfies(e -> {
                    assertThat(((DcxException) e).code()).isEqualTo(ErrorCode.BID_TOO_LOW);
                    assertThat(((DcxException) e).extras()).containsEntry("minimumFen", 10_000L);
                });
        EnglishAuction.Placement first = play.bid("acc_a", 10_000, T0);
        assertThat(first.bid().status()).isEqualTo(BidStatus.ACTIVE);
        assertThat(first.bid().amountFen()).isEqualTo(10_000L);
        assertThat(first.bid().placedAt()).isEqualTo(T0);
        assertThat(first.outbid()).isEmpty();
    }

    @Test
    void laterBidsBeatTheHighestByTheIncrementAndOutbidIt() {
        Play play = new Play(AuctionTestData.english(10_000L, null, 500L, ENDS, null));
        play.bid("acc_a", 10_000, T0);
        assertThat(play.auction().minimumBid()).isEqualTo(Money.fen(10_500));
        refused(ErrorCode.BID_TOO_LOW, () -> play.bid("acc_b", 10_499, T0.plusSeconds(1)));
        refused(ErrorCode.BID_TOO_LOW, () -> play.bid("acc_b", 10_000, T0.plusSeconds(1)));
        EnglishAuction.Placement second = play.bid("acc_b", 10_500, T0.plusSeconds(2));
        assertThat(second.outbid()).hasValueSatisfying(o -> {
            assertThat(o.id()).isEqualTo("bid_0");
            assertThat(o.bidderId()).isEqualTo("acc_a");
            assertThat(o.status()).isEqualTo(BidStatus.OUTBID);
            assertThat(o.closedAt()).isEqualTo(T0.plusSeconds(2));
        });
        assertThat(play.auction().highest()).map(Bid::id).hasValue("bid_1");
        // a jump bid well over the minimum is fine
        play.bid("acc_a", 99_000, T0.plusSeconds(3));
        assertThat(play.auction().minimumBid()).isEqualTo(Money.fen(99_500));
        assertThat(play.bids).extracting(Bid::status)
                .containsExactly(BidStatus.OUTBID, BidStatus.OUTBID, BidStatus.ACTIVE);
    }

    @Test
    void unsetOpeningAndIncrementMeanOneFen() {
        Play play = new Play(AuctionTestData.english(null, null, null, ENDS, null));
        assertThat(play.auction().minimumBid()).isEqualTo(Money.fen(1));
        refused(ErrorCode.INVALID_AMOUNT, () -> play.bid("acc_a", 0, T0));
        refused(ErrorCode.INVALID_AMOUNT, () -> play.bid("acc_a", -5, T0));
        play.bid("acc_a", 1, T0);
        refused(ErrorCode.BID_TOO_LOW, () -> play.bid("acc_b", 1, T0));
        play.bid("acc_b", 2, T0);
    }

    @Test
    void aBidderMayRaiseTheirOwnBid() {
        Play play = new Play(AuctionTestData.english(100L, null, 10L, ENDS, null));
        play.bid("acc_a", 100, T0);
        refused(ErrorCode.BID_TOO_LOW, () -> play.bid("acc_a", 109, T0));
        EnglishAuction.Placement raise = play.bid("acc_a", 110, T0.plusSeconds(5));
        assertThat(raise.outbid()).map(Bid::bidderId).hasValue("acc_a");
        assertThat(raise.outbid()).map(Bid::status).hasValue(BidStatus.OUTBID);
        assertThat(play.auction().highest()).map(Bid::amountFen).hasValue(110L);
    }

    @Test
    void theSellerMayNotBid() {
        Play play = new Play(AuctionTestData.english(100L, null, 10L, ENDS, null));
        refused(ErrorCode.SELF_TRADE, () -> play.bid(SELLER, 1_000, T0));
        assertThat(play.bids).isEmpty();
    }

    @Test
    void noBidsAtOrAfterTheEnd() {
        Play play = new Play(AuctionTestData.english(100L, null, 10L, ENDS, null));
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.bid("acc_a", 100, ENDS));
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.bid("acc_a", 100, ENDS.plusSeconds(1)));
        play.bid("acc_a", 100, ENDS.minusNanos(1000));
        assertThat(play.listing.endsAt()).isEqualTo(ENDS);
    }

    @Test
    void onlyOpenListingsTakeBids() {
        for (ListingStatus status : List.of(ListingStatus.RESERVED, ListingStatus.SOLD, ListingStatus.CANCELLED,
                ListingStatus.CLOSED)) {
            Listing listing = AuctionTestData.english(100L, null, 10L, ENDS, null).withStatus(status, null, T0);
            refused(ErrorCode.LISTING_NOT_OPEN,
                    () -> new EnglishAuction(listing, List.of()).place("bid_x", "acc_a", Money.fen(500), T0));
        }
    }

    @Test
    void aLateBidExtendsTheEndToItsTimePlusTheExtension() {
        Play play = new Play(AuctionTestData.english(100L, null, 10L, ENDS, 120));
        // 121 s before the end: outside the window, no change
        EnglishAuction.Placement early = play.bid("acc_a", 100, ENDS.minusSeconds(121));
        assertThat(early.listing().endsAt()).isEqualTo(ENDS);
        // exactly 120 s before: time + 120 s is the end itself, no change
        play.bid("acc_b", 110, ENDS.minusSeconds(120));
        assertThat(play.listing.endsAt()).isEqualTo(ENDS);
        // 30 s before: the end moves to bid time + 120 s
        Listing before = play.listing;
        EnglishAuction.Placement late = play.bid("acc_a", 120, ENDS.minusSeconds(30));
        assertThat(late.listing().endsAt()).isEqualTo(ENDS.plusSeconds(90));
        assertThat(late.listing().updatedAt()).isEqualTo(ENDS.minusSeconds(30));
        assertThat(late.extended(before)).isTrue();
        // the old end no longer stops bids; the new one does, and moves again on another late bid
        play.bid("acc_b", 130, ENDS.plusSeconds(10));
        assertThat(play.listing.endsAt()).isEqualTo(ENDS.plusSeconds(130));
        assertThat(play.auction().isDue(ENDS.plusSeconds(129))).isFalse();
        assertThat(play.auction().isDue(ENDS.plusSeconds(130))).isTrue();
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.bid("acc_a", 140, ENDS.plusSeconds(130)));
    }

    @Test
    void noExtensionWhenUnsetOrZero() {
        for (Integer extension : new Integer[] {null, 0}) {
            Play play = new Play(AuctionTestData.english(100L, null, 10L, ENDS, extension));
            EnglishAuction.Placement last = play.bid("acc_a", 100, ENDS.minusSeconds(1));
            assertThat(last.listing().endsAt()).isEqualTo(ENDS);
            assertThat(last.extended(AuctionTestData.english(100L, null, 10L, ENDS, extension))).isFalse();
        }
    }

    @Test
    void closesOnlyWhenDue() {
        Play play = new Play(AuctionTestData.english(100L, null, 10L, ENDS, null));
        play.bid("acc_a", 100, T0);
        assertThat(play.auction().isDue(ENDS.minusNanos(1))).isFalse();
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.auction().close(ENDS.minusNanos(1), "bid_0"));
        assertThat(play.auction().isDue(ENDS)).isTrue();
        Listing closed = play.listing.withStatus(ListingStatus.CLOSED, null, ENDS);
        assertThat(new EnglishAuction(closed, play.bids).isDue(ENDS.plusSeconds(60))).isFalse();
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> new EnglishAuction(closed, play.bids).close(ENDS, null));
    }

    @Test
    void theHighestBidWinsAtItsPriceWhenItMeetsTheReserve() {
        Play play = new Play(AuctionTestData.english(100L, 300L, 50L, ENDS, null));
        play.bid("acc_a", 100, T0);
        play.bid("acc_b", 200, T0.plusSeconds(1));
        play.bid("acc_a", 300, T0.plusSeconds(2));
        assertThat(play.auction().candidates()).extracting(Bid::id).containsExactly("bid_2");
        AuctionClose close = play.auction().close(ENDS, "bid_2");
        assertThat(close.winningBid()).hasValueSatisfying(w -> {
            assertThat(w.id()).isEqualTo("bid_2");
            assertThat(w.bidderId()).isEqualTo("acc_a");
            assertThat(w.status()).isEqualTo(BidStatus.WON);
            assertThat(w.closedAt()).isEqualTo(ENDS);
        });
        assertThat(close.price()).hasValue(Money.fen(300));
        assertThat(close.noSale()).isNull();
        // the beaten bids were released when beaten: nothing more to release
        assertThat(close.holdsToRelease()).isEmpty();
        assertThat(close.changed()).extracting(Bid::id).containsExactly("bid_2");
    }

    @Test
    void belowTheReserveNothingSellsAndTheHoldIsReleased() {
        Play play = new Play(AuctionTestData.english(100L, 301L, 50L, ENDS, null));
        play.bid("acc_a", 100, T0);
        play.bid("acc_b", 300, T0.plusSeconds(1));
        assertThat(play.auction().candidates()).isEmpty();
        AuctionClose close = play.auction().close(ENDS, null);
        assertThat(close.winningBid()).isEmpty();
        assertThat(close.noSale()).isEqualTo(AuctionClose.NoSale.RESERVE_NOT_MET);
        assertThat(close.holdsToRelease()).containsExactly("bid_1");
        assertThat(close.changed()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo("bid_1");
            assertThat(b.status()).isEqualTo(BidStatus.LOST);
        });
        assertThatThrownBy(() -> play.auction().close(ENDS, "bid_1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noReserveMeansTheHighestBidSells() {
        Play play = new Play(AuctionTestData.english(100L, null, 50L, ENDS, null));
        play.bid("acc_a", 100, T0);
        assertThat(play.auction().close(ENDS, "bid_0").price()).hasValue(Money.fen(100));
    }

    @Test
    void noBidsNoSale() {
        AuctionClose close = new EnglishAuction(AuctionTestData.english(100L, null, 50L, ENDS, null), List.of())
                .close(ENDS, null);
        assertThat(close.noSale()).isEqualTo(AuctionClose.NoSale.NO_BIDS);
        assertThat(close.changed()).isEmpty();
        assertThat(close.holdsToRelease()).isEmpty();
    }

    @Test
    void aHighestBidderRefusedAtTheCloseLosesAndNothingSells() {
        Play play = new Play(AuctionTestData.english(100L, null, 50L, ENDS, null));
        play.bid("acc_a", 100, T0);
        play.bid("acc_b", 150, T0.plusSeconds(1));
        AuctionClose close = play.auction().close(ENDS, null);
        assertThat(close.noSale()).isEqualTo(AuctionClose.NoSale.PRE_TRADE_REFUSED);
        assertThat(close.holdsToRelease()).containsExactly("bid_1");
        // the outbid bid is not a candidate: it was released when beaten
        assertThatThrownBy(() -> play.auction().close(ENDS, "bid_0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyEnglishListings() {
        assertThatThrownBy(() -> new EnglishAuction(AuctionTestData.sealed(1L, ENDS, ENDS.plusSeconds(60)),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
