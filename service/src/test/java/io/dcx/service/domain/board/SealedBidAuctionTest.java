package io.dcx.service.domain.board;

import static io.dcx.service.domain.board.AuctionTestData.SELLER;
import static io.dcx.service.domain.board.AuctionTestData.T0;
import static io.dcx.service.domain.board.SealedBidAuction.commitmentOf;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealedBidAuctionTest {
    private static final Instant ENDS = T0.plus(Duration.ofHours(1));
    private static final Instant REVEAL_ENDS = ENDS.plus(Duration.ofHours(1));
    private static final String SALT = "s3cret-salt-0123456789";

    private static final class Play {
        Listing listing;
        final List<Bid> bids = new ArrayList<>();
        int next;

        Play(Listing listing) {
            this.listing = listing;
        }

        SealedBidAuction auction() {
            return new SealedBidAuction(listing, bids);
        }

        String commit(String bidder, long fen, Instant at) {
            return commitHash(bidder, commitmentOf(fen, SALT, bidder), at);
        }

        String commitHash(String bidder, String commitment, Instant at) {
            SealedBidAuction.Commitment c = auction().commit("bid_" + next, bidder, commitment, at);
            next++;
            c.replaced().ifPresent(this::put);
            bids.add(c.bid());
            return c.bid().id();
        }

        SealedBidAuction.Reveal reveal(String bidId, String bidder, long fen, Instant at) {
            SealedBidAuction.Reveal r = auction().reveal(bidId, bidder, fen, SALT, at);
            put(r.bid());
            return r;
        }

        void put(Bid bid) {
            bids.replaceAll(b -> b.id().equals(bid.id()) ? bid : b);
        }

        Bid bid(String id) {
            return bids.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(code));
    }

    @Test
    void commitmentIsTheHexSha256OfAmountSaltAndBidder() {
        // sha256("150000:7f3a9c2e5b1d4f60:acc_x"), computed independently with sha256sum
        assertThat(commitmentOf(150_000, "7f3a9c2e5b1d4f60", "acc_x"))
                .isEqualTo("71f069b90eb5fbfec0bec7552b6c17d341aaf1c63cd14c9dc885a25357f28184");
        assertThat(commitmentOf(1, SALT, "acc_a")).isNotEqualTo(commitmentOf(1, SALT, "acc_b"))
                .isNotEqualTo(commitmentOf(2, SALT, "acc_a"))
                .isNotEqualTo(commitmentOf(1, SALT + "x", "acc_a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "D9D1D8C0A0BFB1AD4CFBFD3D3BC4BB9BB8CBB1F3EC0BF1E50C9E30E7D7F6E5D1",
            "d9d1d8c0a0bfb1ad4cfbfd3d3bc4bb9bb8cbb1f3ec0bf1e50c9e30e7d7f6e5d",
            "d9d1d8c0a0bfb1ad4cfbfd3d3bc4bb9bb8cbb1f3ec0bf1e50c9e30e7d7f6e5d1a",
            "g9d1d8c0a0bfb1ad4cfbfd3d3bc4bb9bb8cbb1f3ec0bf1e50c9e30e7d7f6e5d1"})
    void commitmentsAre64LowercaseHex(String commitment) {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        refused(ErrorCode.INVALID_BID, () -> play.commitHash("acc_a", commitment, T0));
        refused(ErrorCode.INVALID_BID, () -> play.commitHash("acc_a", null, T0));
        assertThat(play.bids).isEmpty();
    }

    @Test
    void commitmentsOnlyBeforeTheEndAndNotBySeller() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.commit("acc_a", 500, ENDS));
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.commit("acc_a", 500, REVEAL_ENDS.plusSeconds(1)));
        refused(ErrorCode.SELF_TRADE, () -> play.commit(SELLER, 500, T0));
        String id = play.commit("acc_a", 500, ENDS.minusNanos(1000));
        assertThat(play.bid(id).status()).isEqualTo(BidStatus.COMMITTED);
        assertThat(play.bid(id).amountFen()).isNull();
        assertThat(play.bid(id).isSealed()).isTrue();
        Listing cancelled = play.listing.withStatus(ListingStatus.CANCELLED, null, T0);
        refused(ErrorCode.LISTING_NOT_OPEN, () -> new SealedBidAuction(cancelled, List.of())
                .commit("bid_x", "acc_b", commitmentOf(5, SALT, "acc_b"), T0));
    }

    @Test
    void aNewCommitmentReplacesTheBiddersOldOne() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String first = play.commit("acc_a", 500, T0);
        String other = play.commit("acc_b", 600, T0.plusSeconds(1));
        String second = play.commit("acc_a", 700, T0.plusSeconds(2));
        assertThat(play.bid(first).status()).isEqualTo(BidStatus.REPLACED);
        assertThat(play.bid(first).closedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(play.bid(other).status()).isEqualTo(BidStatus.COMMITTED);
        assertThat(play.bid(second).status()).isEqualTo(BidStatus.COMMITTED);
        // the replaced commitment cannot be revealed, even with its own amount
        refused(ErrorCode.INVALID_BID, () -> play.reveal(first, "acc_a", 500, ENDS));
        assertThat(play.reveal(second, "acc_a", 700, ENDS).bid().status()).isEqualTo(BidStatus.REVEALED);
    }

    @Test
    void revealsOnlyInTheRevealPhase() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String id = play.commit("acc_a", 500, T0);
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.reveal(id, "acc_a", 500, ENDS.minusNanos(1000)));
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.reveal(id, "acc_a", 500, REVEAL_ENDS));
        SealedBidAuction.Reveal reveal = play.reveal(id, "acc_a", 500, REVEAL_ENDS.minusNanos(1000));
        assertThat(reveal.fresh()).isTrue();
        assertThat(reveal.bid().status()).isEqualTo(BidStatus.REVEALED);
        assertThat(reveal.bid().amount()).isEqualTo(Money.fen(500));
        assertThat(reveal.bid().salt()).isEqualTo(SALT);
        assertThat(reveal.bid().revealedAt()).isEqualTo(REVEAL_ENDS.minusNanos(1000));
        assertThat(reveal.bid().invalidReason()).isNull();
    }

    @Test
    void aRevealMustMatchTheCommitment() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String id = play.commit("acc_a", 500, T0);
        refused(ErrorCode.INVALID_BID, () -> play.reveal(id, "acc_a", 501, ENDS));
        refused(ErrorCode.INVALID_BID, () -> play.auction().reveal(id, "acc_a", 500, SALT + "!", ENDS));
        assertThat(play.bid(id).status()).isEqualTo(BidStatus.COMMITTED);
        // another account's bid is not found, even with the right numbers
        refused(ErrorCode.BID_NOT_FOUND, () -> play.reveal(id, "acc_b", 500, ENDS));
        refused(ErrorCode.BID_NOT_FOUND, () -> play.reveal("bid_nope", "acc_a", 500, ENDS));
        // after the failed tries the right reveal still works
        assertThat(play.reveal(id, "acc_a", 500, ENDS).bid().status()).isEqualTo(BidStatus.REVEALED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short-salt-15ch", "has a space inside it", "tab\tseparated-salt-x",
        "非ASCII的盐值非ASCII的盐值非ASCII"})
    void saltsAre16To128PrintableAscii(String salt) {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String id = play.commitHash("acc_a", commitmentOf(500, salt, "acc_a"), T0);
        refused(ErrorCode.INVALID_BID, () -> play.auction().reveal(id, "acc_a", 500, salt, ENDS));
    }

    @Test
    void saltLengthBounds() {
        assertThat(SealedBidAuction.validSalt("x".repeat(16))).hasSize(16);
        assertThat(SealedBidAuction.validSalt("x".repeat(128))).hasSize(128);
        refused(ErrorCode.INVALID_BID, () -> SealedBidAuction.validSalt("x".repeat(129)));
        refused(ErrorCode.INVALID_BID, () -> SealedBidAuction.validSalt(null));
    }

    @Test
    void nonPositiveRevealsAreInvalidAmounts() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String id = play.commitHash("acc_a", commitmentOf(0, SALT, "acc_a"), T0);
        refused(ErrorCode.INVALID_AMOUNT, () -> play.reveal(id, "acc_a", 0, ENDS));
    }

    @Test
    void aRevealBelowTheReserveIsRecordedInvalid() {
        Play play = new Play(AuctionTestData.sealed(1_000L, ENDS, REVEAL_ENDS));
        String low = play.commit("acc_a", 999, T0);
        String exact = play.commit("acc_b", 1_000, T0);
        Bid invalid = play.reveal(low, "acc_a", 999, ENDS).bid();
        assertThat(invalid.status()).isEqualTo(BidStatus.INVALID);
        assertThat(invalid.invalidReason()).isEqualTo("BID_TOO_LOW");
        assertThat(invalid.amountFen()).isEqualTo(999L);
        assertThat(invalid.status().holdsMoney()).isFalse();
        assertThat(play.reveal(exact, "acc_b", 1_000, ENDS).bid().status()).isEqualTo(BidStatus.REVEALED);
        assertThat(play.auction().candidates()).extracting(Bid::id).containsExactly(exact);
    }

    @Test
    void revealingAgainIsANoOpWhenItMatches() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String id = play.commit("acc_a", 500, T0);
        Bid revealed = play.reveal(id, "acc_a", 500, ENDS).bid();
        SealedBidAuction.Reveal again = play.reveal(id, "acc_a", 500, ENDS.plusSeconds(10));
        assertThat(again.fresh()).isFalse();
        assertThat(again.bid()).isEqualTo(revealed);
        // even after the reveal phase; a different amount does not match
        assertThat(play.reveal(id, "acc_a", 500, REVEAL_ENDS.plusSeconds(1)).fresh()).isFalse();
        refused(ErrorCode.INVALID_BID, () -> play.reveal(id, "acc_a", 600, ENDS.plusSeconds(20)));
    }

    @Test
    void theHighestValidBidWinsAtItsOwnPriceAndTheRestLoseOrLapse() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String a = play.commit("acc_a", 500, T0);
        String b = play.commit("acc_b", 900, T0.plusSeconds(1));
        String c = play.commit("acc_c", 700, T0.plusSeconds(2));
        String d = play.commit("acc_d", 5_000, T0.plusSeconds(3));
        String e = play.commit("acc_e", 50, T0.plusSeconds(4));
        play.reveal(a, "acc_a", 500, ENDS);
        play.reveal(b, "acc_b", 900, ENDS);
        play.reveal(c, "acc_c", 700, ENDS);
        play.reveal(e, "acc_e", 50, ENDS);
        // acc_d never reveals
        assertThat(play.auction().isDue(REVEAL_ENDS.minusNanos(1))).isFalse();
        refused(ErrorCode.AUCTION_NOT_OPEN, () -> play.auction().close(REVEAL_ENDS.minusNanos(1), b));
        assertThat(play.auction().candidates()).extracting(Bid::id).containsExactly(b, c, a);
        AuctionClose close = play.auction().close(REVEAL_ENDS, b);
        assertThat(close.price()).hasValue(Money.fen(900));
        assertThat(close.winner().bidderId()).isEqualTo("acc_b");
        assertThat(close.winner().status()).isEqualTo(BidStatus.WON);
        assertThat(close.holdsToRelease()).containsExactlyInAnyOrder(a, c);
        assertThat(close.changed()).extracting(Bid::id, Bid::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a, BidStatus.LOST),
                org.assertj.core.groups.Tuple.tuple(b, BidStatus.WON),
                org.assertj.core.groups.Tuple.tuple(c, BidStatus.LOST),
                org.assertj.core.groups.Tuple.tuple(d, BidStatus.LAPSED));
    }

    @Test
    void tiesGoToTheEarlierCommitment() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String early = play.commit("acc_a", 800, T0);
        String late = play.commit("acc_b", 800, T0.plusSeconds(1));
        // revealed in the other order: the commitment time decides, not the reveal time
        play.reveal(late, "acc_b", 800, ENDS);
        play.reveal(early, "acc_a", 800, ENDS.plusSeconds(5));
        assertThat(play.auction().candidates()).extracting(Bid::id).containsExactly(early, late);
    }

    @Test
    void aReplacedCommitmentCountsFromItsNewTime() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        play.commit("acc_a", 800, T0);
        String b = play.commit("acc_b", 800, T0.plusSeconds(1));
        String a2 = play.commit("acc_a", 800, T0.plusSeconds(2));
        play.reveal(a2, "acc_a", 800, ENDS);
        play.reveal(b, "acc_b", 800, ENDS);
        assertThat(play.auction().candidates()).extracting(Bid::id).containsExactly(b, a2);
    }

    @Test
    void aWinnerRefusedAtTheCloseMakesWayForTheNext() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String a = play.commit("acc_a", 900, T0);
        String b = play.commit("acc_b", 800, T0);
        play.reveal(a, "acc_a", 900, ENDS);
        play.reveal(b, "acc_b", 800, ENDS);
        AuctionClose close = play.auction().close(REVEAL_ENDS, b);
        assertThat(close.winner().id()).isEqualTo(b);
        assertThat(close.holdsToRelease()).containsExactly(a);
        AuctionClose none = play.auction().close(REVEAL_ENDS, null);
        assertThat(none.noSale()).isEqualTo(AuctionClose.NoSale.PRE_TRADE_REFUSED);
        assertThat(none.holdsToRelease()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void noValidRevealNoSale() {
        Play play = new Play(AuctionTestData.sealed(1_000L, ENDS, REVEAL_ENDS));
        String low = play.commit("acc_a", 10, T0);
        String silent = play.commit("acc_b", 5_000, T0);
        play.reveal(low, "acc_a", 10, ENDS);
        AuctionClose close = play.auction().close(REVEAL_ENDS, null);
        assertThat(close.noSale()).isEqualTo(AuctionClose.NoSale.NO_BIDS);
        assertThat(close.holdsToRelease()).isEmpty();
        assertThat(close.changed()).extracting(Bid::id).containsExactly(silent);
        assertThat(close.changed().get(0).status()).isEqualTo(BidStatus.LAPSED);
        assertThatThrownBy(() -> play.auction().close(REVEAL_ENDS, low)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void othersBidsStayHiddenUntilTheClose() {
        Play play = new Play(AuctionTestData.sealed(100L, ENDS, REVEAL_ENDS));
        String a = play.commit("acc_a", 500, T0);
        String b = play.commit("acc_b", 600, T0);
        String c = play.commit("acc_c", 700, T0);
        play.reveal(a, "acc_a", 500, ENDS);
        play.reveal(b, "acc_b", 600, ENDS);
        assertThat(play.auction().visibleTo("acc_a", ENDS.plusSeconds(1))).extracting(Bid::id).containsExactly(a);
        assertThat(play.auction().visibleTo("acc_z", ENDS.plusSeconds(1))).isEmpty();
        assertThat(play.auction().visibleTo("acc_c", T0)).extracting(Bid::id).containsExactly(c);
        // after the reveal phase: every revealed bid, never another's unrevealed commitment
        assertThat(play.auction().visibleTo("acc_z", REVEAL_ENDS)).extracting(Bid::id).containsExactly(a, b);
        assertThat(play.auction().visibleTo("acc_c", REVEAL_ENDS)).extracting(Bid::id).containsExactly(a, b, c);
        Listing sold = play.listing.withStatus(ListingStatus.SOLD, "trd_1", REVEAL_ENDS);
        assertThat(new SealedBidAuction(sold, play.bids).visibleTo("acc_z", ENDS)).hasSize(2);
    }

    @Test
    void onlySealedListingsWithBothEnds() {
        assertThatThrownBy(() -> new SealedBidAuction(AuctionTestData.english(1L, null, 1L, ENDS, null), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedBidAuction(AuctionTestData.sealed(1L, ENDS, null), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsetReserveIsOneFen() {
        Play play = new Play(AuctionTestData.sealed(null, ENDS, REVEAL_ENDS));
        String id = play.commit("acc_a", 1, T0);
        assertThat(play.reveal(id, "acc_a", 1, ENDS).bid().status()).isEqualTo(BidStatus.REVEALED);
    }
}
