package io.dcx.service.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.dcx.service.application.board.Auctions;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.kyc.KycReviews;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.domain.board.AuctionClose;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.SealedBidAuction;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeOrigin;
import io.dcx.service.domain.board.TradeStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sealed-bid auctions through the API: commitments hold nothing and hide the amount, reveals must match and hold the
 * money, the close sells to the highest valid bid at its own price (ties to the earlier commitment), unrevealed
 * commitments lapse and losers are released. Phases are reached by moving the listing's times, not by sleeping.
 */
@QuarkusTest
class SealedBidAuctionResourceTest {
    private static final String BIDDER = "auction-sealed-bidder";
    private static final String SALT = "pepper-" + "0123456789abcdef";

    @Inject
    AuctionFixtures auctions;
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    Auctions useCases;
    @Inject
    KycReviews reviews;
    @Inject
    Ledger ledger;

    private BoardPolicies.Policy policyBefore;

    @BeforeEach
    void noOpenAuctionsLeft() {
        auctions.closeAllOpenAuctions();
        policyBefore = auctions.roomForFixedWinners();
    }

    @AfterEach
    void invariantsHold() {
        board.restorePolicy(policyBefore);
        invariants.check();
    }

    static Response commit(String listingId, long fen, String account) {
        return given().contentType("application/json")
                .body("{\"commitment\":\"" + SealedBidAuction.commitmentOf(fen, SALT, account) + "\"}")
                .post("/api/v1/listings/" + listingId + "/bids");
    }

    static Response reveal(String listingId, String bidId, long fen, String salt) {
        return given().contentType("application/json").body("{\"amountFen\":" + fen + ",\"salt\":\"" + salt + "\"}")
                .post("/api/v1/listings/" + listingId + "/bids/" + bidId + "/reveal");
    }

    private String commitAs(BoardFixtures.Party party, String listingId, long fen) {
        return useCases.bid(party.actor(), listingId, null, SealedBidAuction.commitmentOf(fen, SALT, party.accountId()),
                Instant.now()).bid().id();
    }

    private void revealAs(BoardFixtures.Party party, String listingId, String bidId, long fen) {
        useCases.reveal(party.actor(), listingId, bidId, fen, SALT, Instant.now());
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void theHighestValidRevealWinsAtItsOwnPriceAndTheRestAreReleasedOrLapse() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 100_000);
        BoardFixtures.Party second = board.approved("sealed-second", 100_000);
        BoardFixtures.Party silent = board.approved("sealed-silent", 100_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.sealed(lot, 5_000, Duration.ofMinutes(10), Duration.ofMinutes(10));
        long myHeld = board.held(me);
        long myAvailable = board.available(me);

        // a commitment holds nothing and shows no amount; a new one replaces the old
        String replaced = commit(listing.id(), 20_000, me.accountId()).then().statusCode(201)
                .body("status", equalTo("COMMITTED")).body("amountFen", nullValue())
                .body("revealEndsAt", equalTo(listing.revealEndsAt().toString()))
                .extract().path("id");
        String key = "commit-" + UUID.randomUUID();
        String mine = given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"commitment\":\"" + SealedBidAuction.commitmentOf(30_000, SALT, me.accountId()) + "\"}")
                .post("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(201).extract().path("id");
        given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"commitment\":\"" + SealedBidAuction.commitmentOf(30_000, SALT, me.accountId()) + "\"}")
                .post("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(mine));
        assertThat(auctions.bidStatus(replaced)).isEqualTo("REPLACED");
        assertThat(board.held(me)).isEqualTo(myHeld);
        String seconds = commitAs(second, listing.id(), 25_000);
        String silents = commitAs(silent, listing.id(), 90_000);

        // before the close I see only my own bids, never another's commitment
        given().get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200)
                .body("bids", hasSize(2))
                .body("bids[0].id", equalTo(replaced)).body("bids[0].status", equalTo("REPLACED"))
                .body("bids[1].id", equalTo(mine)).body("bids[1].commitment",
                        equalTo(SealedBidAuction.commitmentOf(30_000, SALT, me.accountId())));

        // no reveals while bidding runs
        reveal(listing.id(), mine, 30_000, SALT).then().statusCode(409).body("code", equalTo("AUCTION_NOT_OPEN"));
        Listing revealing = auctions.endBidding(listing.id());
        // no more commitments once bidding ended
        commit(listing.id(), 40_000, me.accountId()).then().statusCode(409).body("code", equalTo("AUCTION_NOT_OPEN"));

        // a reveal that does not match changes nothing; the replaced commitment cannot be revealed
        reveal(listing.id(), mine, 30_001, SALT).then().statusCode(400).body("code", equalTo("INVALID_BID"));
        reveal(listing.id(), mine, 30_000, SALT.replace('0', 'o')).then().statusCode(400)
                .body("code", equalTo("INVALID_BID"));
        reveal(listing.id(), replaced, 20_000, SALT).then().statusCode(400).body("code", equalTo("INVALID_BID"));
        reveal(listing.id(), seconds, 25_000, SALT).then().statusCode(404).body("code", equalTo("BID_NOT_FOUND"));
        assertThat(auctions.bidStatus(mine)).isEqualTo("COMMITTED");
        assertThat(board.held(me)).isEqualTo(myHeld);

        reveal(listing.id(), mine, 30_000, SALT).then().statusCode(200)
                .body("status", equalTo("REVEALED")).body("amountFen", equalTo(30_000)).body("salt", equalTo(SALT));
        assertThat(board.held(me)).isEqualTo(myHeld + 30_000);
        assertThat(auctions.holdStatus(mine)).isEqualTo("HELD");
        // revealing again is answered as it stands and holds nothing more
        reveal(listing.id(), mine, 30_000, SALT).then().statusCode(200).body("status", equalTo("REVEALED"));
        assertThat(board.held(me)).isEqualTo(myHeld + 30_000);
        revealAs(second, listing.id(), seconds, 25_000);

        // still hidden while reveals run
        given().get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200).body("bids", hasSize(2));

        Auctions.ClosedAuction closed = auctions.close(listing.id(), revealing.revealEndsAt());
        assertThat(closed.winningBidId()).isEqualTo(mine);
        Trade trade = auctions.trade(closed.tradeId());
        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trade.price().fen()).isEqualTo(30_000);
        assertThat(trade.buyerId()).isEqualTo(me.accountId());
        assertThat(trade.origin()).isEqualTo(TradeOrigin.SEALED_BID_AUCTION);
        assertThat(trade.holdReference()).isEqualTo(mine);
        assertThat(auctions.listing(listing.id()).status()).isEqualTo(ListingStatus.SOLD);
        assertThat(board.chainAsset(lot.assetId()).path("ownerId").asText()).isEqualTo(me.accountId());
        assertThat(board.available(me)).isEqualTo(myAvailable - 30_000);
        assertThat(board.held(me)).isEqualTo(myHeld);
        assertThat(auctions.bidStatus(seconds)).isEqualTo("LOST");
        assertThat(auctions.holdStatus(seconds)).isEqualTo("RELEASED");
        assertThat(board.held(second)).isZero();
        assertThat(auctions.bidStatus(silents)).isEqualTo("LAPSED");
        assertThat(auctions.holds(silents)).isZero();

        // after the close every revealed bid is public, with its salt so anyone can recheck the commitment
        given().get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200)
                .body("status", equalTo("SOLD"))
                .body("bids", hasSize(3))
                .body("bids[0].id", equalTo(replaced))
                .body("bids[1].id", equalTo(mine)).body("bids[1].status", equalTo("WON"))
                .body("bids[2].id", equalTo(seconds)).body("bids[2].amountFen", equalTo(25_000))
                .body("bids[2].salt", equalTo(SALT)).body("bids[2].status", equalTo("LOST"));
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void equalBidsGoToTheEarlierCommitment() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 50_000);
        BoardFixtures.Party earlier = board.approved("sealed-earlier", 50_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.sealed(lot, 1_000, Duration.ofMinutes(10), Duration.ofMinutes(10));
        String theirs = commitAs(earlier, listing.id(), 8_000);
        String mine = commit(listing.id(), 8_000, me.accountId()).then().statusCode(201).extract().path("id");
        Listing revealing = auctions.endBidding(listing.id());
        // I reveal first; the commitment order decides, not the reveal order
        reveal(listing.id(), mine, 8_000, SALT).then().statusCode(200);
        revealAs(earlier, listing.id(), theirs, 8_000);

        Auctions.ClosedAuction closed = auctions.close(listing.id(), revealing.revealEndsAt().plusSeconds(5));
        assertThat(closed.winningBidId()).isEqualTo(theirs);
        assertThat(auctions.trade(closed.tradeId()).buyerId()).isEqualTo(earlier.accountId());
        assertThat(auctions.holdStatus(mine)).isEqualTo("RELEASED");
        assertThat(board.held(me)).isZero();
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void revealsBelowTheReserveOrBeyondTheMoneyAreRecordedInvalid() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 0);
        BoardFixtures.Party low = board.approved("sealed-low", 50_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.sealed(lot, 10_000, Duration.ofMinutes(10), Duration.ofMinutes(10));
        long height = ledger.height();
        String mine = commit(listing.id(), 20_000, me.accountId()).then().statusCode(201).extract().path("id");
        String lows = commitAs(low, listing.id(), 9_999);
        Listing revealing = auctions.endBidding(listing.id());

        // my account has no money: the reveal is recorded INVALID and the commitment can no longer win
        reveal(listing.id(), mine, 20_000, SALT).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("INSUFFICIENT_FUNDS")).body("bidId", equalTo(mine))
                .body("status", equalTo("INVALID"));
        assertThat(auctions.bidStatus(mine)).isEqualTo("INVALID");
        assertThat(auctions.holds(mine)).isZero();
        reveal(listing.id(), mine, 20_000, SALT).then().statusCode(422).body("code", equalTo("INSUFFICIENT_FUNDS"));

        long lowAvailable = board.available(low);
        revealAs(low, listing.id(), lows, 9_999);
        assertThat(auctions.bidStatus(lows)).isEqualTo("INVALID");
        assertThat(auctions.holds(lows)).isZero();
        assertThat(board.available(low)).isEqualTo(lowAvailable);

        Auctions.ClosedAuction closed = auctions.close(listing.id(), revealing.revealEndsAt());
        assertThat(closed.noSale()).isEqualTo(AuctionClose.NoSale.NO_BIDS);
        assertThat(auctions.listing(listing.id()).status()).isEqualTo(ListingStatus.CLOSED);
        assertThat(ledger.height()).isEqualTo(height);
        // after the close the invalid reveals are public too, with their reasons
        given().get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200)
                .body("bids", hasSize(2))
                .body("bids[1].invalidReason", equalTo("BID_TOO_LOW"));
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void aWinnerRefusedAtTheCloseMakesWayForTheNextBid() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 50_000);
        BoardFixtures.Party next = board.approved("sealed-next", 50_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.sealed(lot, 1_000, Duration.ofMinutes(10), Duration.ofMinutes(10));
        String mine = commit(listing.id(), 9_000, me.accountId()).then().statusCode(201).extract().path("id");
        String nexts = commitAs(next, listing.id(), 7_000);
        Listing revealing = auctions.endBidding(listing.id());
        reveal(listing.id(), mine, 9_000, SALT).then().statusCode(200);
        revealAs(next, listing.id(), nexts, 7_000);
        reviews.suspend(board.operator(), me.accountId(), "sanctions hit");

        Auctions.ClosedAuction closed = auctions.close(listing.id(), revealing.revealEndsAt());
        assertThat(closed.winningBidId()).isEqualTo(nexts);
        Trade trade = auctions.trade(closed.tradeId());
        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trade.price().fen()).isEqualTo(7_000);
        assertThat(auctions.bidStatus(mine)).isEqualTo("LOST");
        assertThat(auctions.holdStatus(mine)).isEqualTo("RELEASED");
        assertThat(board.chainAsset(lot.assetId()).path("ownerId").asText()).isEqualTo(next.accountId());
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void badCommitmentsAndRevealsAreRefused() {
        auctions.httpBidder(BIDDER, 10_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.sealed(lot, 1_000, Duration.ofMinutes(10), Duration.ofMinutes(10));
        for (String body : new String[] {"{\"amountFen\":1000}", "{\"commitment\":\"ABC\"}",
                "{\"commitment\":\"" + "AB".repeat(32) + "\"}", "{}"}) {
            given().contentType("application/json").body(body).post("/api/v1/listings/" + listing.id() + "/bids")
                    .then().statusCode(400).body("code", equalTo("INVALID_BID"));
        }
        given().contentType("application/json").body("{\"commitment\":42}")
                .post("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(400);
        assertThat(auctions.bids(listing.id())).isZero();
        String mine = commit(listing.id(), 1_000, board.kyc().accountOf(BIDDER)).then().statusCode(201)
                .extract().path("id");
        auctions.endBidding(listing.id());
        reveal(listing.id(), mine, 1_000, "short").then().statusCode(400).body("code", equalTo("INVALID_BID"));
        given().contentType("application/json").body("{\"amountFen\":\"1000\",\"salt\":\"" + SALT + "\"}")
                .post("/api/v1/listings/" + listing.id() + "/bids/" + mine + "/reveal").then().statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        reveal(listing.id(), mine, 100_000_000_001L, SALT).then().statusCode(400)
                .body("code", equalTo("INVALID_PRICE"));
        reveal(listing.id(), "bid_nope", 1_000, SALT).then().statusCode(404).body("code", equalTo("BID_NOT_FOUND"));
        reveal("lst_nope", mine, 1_000, SALT).then().statusCode(404).body("code", equalTo("LISTING_NOT_FOUND"));
        assertThat(auctions.bidStatus(mine)).isEqualTo("COMMITTED");
        Listing l = auctions.listing(listing.id());
        assertThat(auctions.close(listing.id(), l.revealEndsAt()).noSale()).isEqualTo(AuctionClose.NoSale.NO_BIDS);
        assertThat(auctions.bidStatus(mine)).isEqualTo("LAPSED");
        // too late to reveal a lapsed commitment
        reveal(listing.id(), mine, 1_000, SALT).then().statusCode(409);
    }
}
