package io.dcx.service.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.dcx.service.application.board.Auctions;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Listings;
import io.dcx.service.application.kyc.KycReviews;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.AuctionClose;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.TradeOrigin;
import io.dcx.service.domain.board.TradeStatus;
import io.dcx.service.domain.board.Trade;
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
 * English auctions through the API: bids hold money and release the bid they beat, late bids extend the end, the
 * close sells to the highest bid at its price (reserve permitting) and settles, refusals write nothing. The test's
 * HTTP identity is one bidder; rivals bid through the use case, as another client would.
 */
@QuarkusTest
class EnglishAuctionResourceTest {
    private static final String BIDDER = "auction-en-bidder";
    private static final String SELLER = "auction-en-seller";

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
    @Inject
    Listings listingUseCases;

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

    static Response bid(String listingId, String json) {
        return given().contentType("application/json").body(json).post("/api/v1/listings/" + listingId + "/bids");
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void bidsHoldMoneyTheBeatenBidIsReleasedAndTheHighestWinsAtItsPrice() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 100_000);
        BoardFixtures.Party rival = board.approved("auction-rival", 100_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 10_000, null, 500, Duration.ofMinutes(10), 60);
        long myAvailable = board.available(me);
        long myHeld = board.held(me);
        long rivalAvailable = board.available(rival);

        bid(listing.id(), "{\"amountFen\":9999}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("BID_TOO_LOW")).body("minimumFen", equalTo(10_000));
        assertThat(auctions.bids(listing.id())).isZero();
        assertThat(board.held(me)).isEqualTo(myHeld);

        String first = bid(listing.id(), "{\"amountFen\":10000}").then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("bidder", equalTo(me.accountId()))
                .body("amountFen", equalTo(10_000))
                .body("commitment", nullValue())
                .body("endsAt", equalTo(listing.endsAt().toString()))
                .extract().path("id");
        assertThat(board.held(me)).isEqualTo(myHeld + 10_000);
        assertThat(auctions.holdStatus(first)).isEqualTo("HELD");

        // the rival outbids: my hold is released in the same transaction
        String rivals = useCases.bid(rival.actor(), listing.id(), 10_500L, null, Instant.now()).bid().id();
        assertThat(auctions.bidStatus(first)).isEqualTo("OUTBID");
        assertThat(auctions.holdStatus(first)).isEqualTo("RELEASED");
        assertThat(board.held(me)).isEqualTo(myHeld);
        assertThat(board.available(me)).isEqualTo(myAvailable);
        assertThat(board.held(rival)).isEqualTo(10_500);

        bid(listing.id(), "{\"amountFen\":10999}").then().statusCode(422)
                .body("code", equalTo("BID_TOO_LOW")).body("minimumFen", equalTo(11_000));

        // a retried bid with the same Idempotency-Key is answered once
        String key = "bid-" + UUID.randomUUID();
        String second = given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"amountFen\":11000}").post("/api/v1/listings/" + listing.id() + "/bids")
                .then().statusCode(201).extract().path("id");
        given().contentType("application/json").header("Idempotency-Key", key).body("{\"amountFen\": 11000}")
                .post("/api/v1/listings/" + listing.id() + "/bids")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(second));
        given().contentType("application/json").header("Idempotency-Key", key).body("{\"amountFen\":12000}")
                .post("/api/v1/listings/" + listing.id() + "/bids")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(auctions.bids(listing.id())).isEqualTo(3);
        assertThat(auctions.holdStatus(rivals)).isEqualTo("RELEASED");
        assertThat(board.held(me)).isEqualTo(myHeld + 11_000);
        assertThat(board.held(rival)).isZero();
        assertThat(board.available(rival)).isEqualTo(rivalAvailable);

        given().get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200)
                .body("type", equalTo("ENGLISH_AUCTION"))
                .body("highestFen", equalTo(11_000))
                .body("minimumBidFen", equalTo(11_500))
                .body("bids", hasSize(3))
                .body("bids[0].id", equalTo(first)).body("bids[0].status", equalTo("OUTBID"))
                .body("bids[1].bidder", equalTo(rival.accountId())).body("bids[1].amountFen", equalTo(10_500))
                .body("bids[2].id", equalTo(second)).body("bids[2].status", equalTo("ACTIVE"));

        // not due a second before the end
        assertThat(useCases.closeDue(listing.endsAt().minusSeconds(1)))
                .noneMatch(c -> c.listingId().equals(listing.id()));
        long sellerAvailable = board.available(lot.seller());

        Auctions.ClosedAuction closed = auctions.close(listing.id(), listing.endsAt().plusSeconds(1));
        assertThat(closed.winningBidId()).isEqualTo(second);
        assertThat(closed.noSale()).isNull();
        Trade trade = auctions.trade(closed.tradeId());
        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trade.buyerId()).isEqualTo(me.accountId());
        assertThat(trade.sellerId()).isEqualTo(lot.seller().accountId());
        assertThat(trade.price().fen()).isEqualTo(11_000);
        assertThat(trade.origin()).isEqualTo(TradeOrigin.ENGLISH_AUCTION);
        assertThat(trade.holdReference()).isEqualTo(second);
        assertThat(auctions.listing(listing.id()).status()).isEqualTo(ListingStatus.SOLD);
        assertThat(auctions.bidStatus(second)).isEqualTo("WON");
        assertThat(auctions.holdStatus(second)).isEqualTo("CAPTURED");
        assertThat(board.chainAsset(lot.assetId()).path("ownerId").asText()).isEqualTo(me.accountId());
        assertThat(board.held(me)).isEqualTo(myHeld);
        assertThat(board.available(me)).isEqualTo(myAvailable - 11_000);
        assertThat(board.available(lot.seller())).isEqualTo(sellerAvailable + trade.split().sellerNet().fen());

        // a closed auction takes no bids; closing again finds nothing due
        bid(listing.id(), "{\"amountFen\":20000}").then().statusCode(409).body("code", equalTo("LISTING_NOT_OPEN"));
        assertThat(useCases.closeDue(listing.endsAt().plusSeconds(2)))
                .noneMatch(c -> c.listingId().equals(listing.id()));
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void aLateBidExtendsTheEnd() {
        auctions.httpBidder(BIDDER, 50_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 1_000, null, 100, Duration.ofMinutes(10), 300);
        // an early bid (ten minutes before the end, the window is five) leaves the end alone
        bid(listing.id(), "{\"amountFen\":1000}").then().statusCode(201)
                .body("endsAt", equalTo(listing.endsAt().toString()));
        // thirty seconds before the end, a bid moves it to its time plus five minutes
        Listing late = auctions.shift(listing.id(), Duration.between(Instant.now(), listing.endsAt()).minusSeconds(30));
        Instant before = Instant.now();
        String endsAt = bid(listing.id(), "{\"amountFen\":1100}").then().statusCode(201).extract().path("endsAt");
        Instant after = Instant.now();
        Instant moved = Instant.parse(endsAt);
        assertThat(moved).isAfter(late.endsAt())
                .isBetween(before.minusMillis(1).plusSeconds(300), after.plusSeconds(300));
        assertThat(auctions.listing(listing.id()).endsAt()).isEqualTo(moved);
        // the old end closes nothing; the new one does
        assertThat(useCases.closeDue(late.endsAt().plusSeconds(1))).noneMatch(c -> c.listingId().equals(listing.id()));
        assertThat(auctions.close(listing.id(), moved).winningBidId()).isNotNull();
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void belowTheReserveNothingSellsAndTheHoldIsReleased() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 50_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 10_000, 20_000L, 500, Duration.ofMinutes(10), 0);
        long held = board.held(me);
        String id = bid(listing.id(), "{\"amountFen\":15000}").then().statusCode(201).extract().path("id");
        assertThat(board.held(me)).isEqualTo(held + 15_000);

        Auctions.ClosedAuction closed = auctions.close(listing.id(), listing.endsAt());
        assertThat(closed.noSale()).isEqualTo(AuctionClose.NoSale.RESERVE_NOT_MET);
        assertThat(closed.tradeId()).isNull();
        assertThat(auctions.listing(listing.id()).status()).isEqualTo(ListingStatus.CLOSED);
        assertThat(auctions.bidStatus(id)).isEqualTo("LOST");
        assertThat(auctions.holdStatus(id)).isEqualTo("RELEASED");
        assertThat(board.held(me)).isEqualTo(held);
        assertThat(board.chainAsset(lot.assetId()).path("ownerId").asText()).isEqualTo(lot.seller().accountId());
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void aWinnerRefusedByThePreTradeChecksAtTheCloseLoses() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 50_000);
        BoardFixtures.Party rival = board.approved("auction-rival", 50_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 1_000, null, 100, Duration.ofMinutes(10), 0);
        String rivals = useCases.bid(rival.actor(), listing.id(), 1_000L, null, Instant.now()).bid().id();
        String mine = bid(listing.id(), "{\"amountFen\":2000}").then().statusCode(201).extract().path("id");
        reviews.suspend(board.operator(), me.accountId(), "fraud review");

        Auctions.ClosedAuction closed = auctions.close(listing.id(), listing.endsAt());
        assertThat(closed.noSale()).isEqualTo(AuctionClose.NoSale.PRE_TRADE_REFUSED);
        assertThat(auctions.listing(listing.id()).status()).isEqualTo(ListingStatus.CLOSED);
        assertThat(auctions.bidStatus(mine)).isEqualTo("LOST");
        assertThat(auctions.holdStatus(mine)).isEqualTo("RELEASED");
        // the beaten bid was released when beaten and is not bound again
        assertThat(auctions.bidStatus(rivals)).isEqualTo("OUTBID");
        assertThat(board.held(rival)).isZero();
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void anAuctionCancelledByAnOperatorReleasesItsBids() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 10_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 1_000, null, 100, Duration.ofMinutes(10), 0);
        long held = board.held(me);
        String id = bid(listing.id(), "{\"amountFen\":1500}").then().statusCode(201).extract().path("id");
        assertThat(board.held(me)).isEqualTo(held + 1_500);
        listingUseCases.cancel(board.operator(), listing.id(), true, "withdrawn by the exchange");

        assertThat(useCases.closeDue(Instant.now())).noneMatch(c -> c.listingId().equals(listing.id()));
        assertThat(auctions.bidStatus(id)).isEqualTo("LOST");
        assertThat(auctions.holdStatus(id)).isEqualTo("RELEASED");
        assertThat(board.held(me)).isEqualTo(held);
        assertThat(auctions.listing(listing.id()).status()).isEqualTo(ListingStatus.CANCELLED);
        bid(listing.id(), "{\"amountFen\":2000}").then().statusCode(409).body("code", equalTo("LISTING_NOT_OPEN"));
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void badBidsAreRefusedAndWriteNothing() {
        BoardFixtures.Party me = auctions.httpBidder(BIDDER, 10_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 1_000, null, 100, Duration.ofMinutes(10), 0);
        long held = board.held(me);
        long height = ledger.height();

        bid(listing.id(), "{\"commitment\":\"" + "ab".repeat(32) + "\"}").then().statusCode(400)
                .body("code", equalTo("INVALID_BID"));
        bid(listing.id(), "{\"amountFen\":1000,\"commitment\":\"" + "ab".repeat(32) + "\"}").then().statusCode(400)
                .body("code", equalTo("INVALID_BID"));
        bid(listing.id(), "{}").then().statusCode(400).body("code", equalTo("INVALID_BID"));
        bid(listing.id(), "{\"amountFen\":\"1000\"}").then().statusCode(400).body("code", equalTo("INVALID_AMOUNT"));
        bid(listing.id(), "{\"amountFen\":1000.5}").then().statusCode(400).body("code", equalTo("INVALID_AMOUNT"));
        bid(listing.id(), "{\"amountFen\":-5}").then().statusCode(400).body("code", equalTo("INVALID_AMOUNT"));
        bid(listing.id(), "{\"amountFen\":100000000001}").then().statusCode(400)
                .body("code", equalTo("INVALID_PRICE")).body("maximumFen", equalTo(100_000_000_000L));
        bid(listing.id(), "{\"amountFen\":").then().statusCode(400);
        given().post("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(415);
        bid("lst_doesnotexist", "{\"amountFen\":1000}").then().statusCode(404)
                .body("code", equalTo("LISTING_NOT_FOUND"));
        bid(listing.id(), "{\"amountFen\":10001}").then().statusCode(422).body("code", equalTo("INSUFFICIENT_FUNDS"));
        given().contentType("application/json").header("Idempotency-Key", "has space").body("{\"amountFen\":1000}")
                .post("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(400)
                .body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));

        auctions.endBidding(listing.id());
        bid(listing.id(), "{\"amountFen\":1000}").then().statusCode(409).body("code", equalTo("AUCTION_NOT_OPEN"));

        assertThat(auctions.bids(listing.id())).isZero();
        assertThat(board.held(me)).isEqualTo(held);
        assertThat(ledger.height()).isEqualTo(height);
        auctions.close(listing.id(), Instant.now());
    }

    @Test
    @TestSecurity(user = BIDDER, roles = "trader")
    void aFixedPriceListingTakesNoBids() {
        auctions.httpBidder(BIDDER, 10_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = board.fixedPrice(lot.seller(), lot.assetId(), 5_000);
        bid(listing.id(), "{\"amountFen\":5000}").then().statusCode(409).body("code", equalTo("AUCTION_NOT_OPEN"));
        given().get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200).body("bids", hasSize(0));
        assertThat(auctions.bids(listing.id())).isZero();
    }

    @Test
    @TestSecurity(user = SELLER, roles = "creator")
    void theSellerMayNotBid() {
        BoardFixtures.Party seller = auctions.httpBidder(SELLER, 10_000);
        String asset = board.copyright(seller).assetIds().get(0);
        // the auction is listed through the API by the same identity
        String listingId = given().contentType("application/json").body("{\"assetId\":\"" + asset + "\","
                        + "\"type\":\"ENGLISH_AUCTION\",\"priceFen\":1000,\"minIncrementFen\":100,\"endsAt\":\""
                        + Instant.now().plus(Duration.ofMinutes(10)) + "\",\"extensionSeconds\":0,"
                        + "\"disclosure\":\"Copyright assignment.\"}")
                .post("/api/v1/listings").then().statusCode(201).extract().path("id");
        Listing listing = auctions.listing(listingId);
        bid(listing.id(), "{\"amountFen\":1000}").then().statusCode(422).body("code", equalTo("SELF_TRADE"));
        assertThat(auctions.bids(listing.id())).isZero();
        assertThatThrownBy(() -> useCases.bid(seller.actor(), listing.id(), 2_000L, null, Instant.now()))
                .isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(ErrorCode.SELF_TRADE));
        auctions.close(listing.id(), listing.endsAt());
    }

    @Test
    @TestSecurity(user = "auction-regulator", roles = "regulator")
    void onlyTradersAndCreatorsBidButEveryoneReadsAnEnglishAuction() {
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 1_000, null, 100, Duration.ofMinutes(10), 0);
        bid(listing.id(), "{\"amountFen\":1000}").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200)
                .body("minimumBidFen", equalTo(1_000)).body("bids", hasSize(0));
        auctions.close(listing.id(), listing.endsAt());
    }

    @Test
    void anonymousCallersAreUnauthenticated() {
        given().contentType("application/json").body("{\"amountFen\":1000}").post("/api/v1/listings/lst_x/bids")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/listings/lst_x/bids").then().statusCode(401);
    }
}
