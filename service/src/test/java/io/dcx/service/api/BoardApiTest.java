package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.money.Funds;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.board.BoardInvariants;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The board over HTTP: purchase with Idempotency-Key, trade steps, 404 for strangers, refusals, roles, real tokens. */
@QuarkusTest
class BoardApiTest {
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    KycFixtures kyc;
    @Inject
    Funds funds;
    @Inject
    Purchases purchases;
    @Inject
    Ledger ledger;

    @AfterEach
    void invariantsHold() {
        invariants.check();
    }

    private Listing listedBy(Party seller, long priceFen) {
        return board.fixedPrice(seller, board.editions(1, priceFen, seller).assetIds().get(0), priceFen);
    }

    /** A fixed test user (its money from earlier runs stays: tests assert changes of balance). */
    private Party fixedUser(String subject, long depositFen) {
        String account = kyc.approved(subject);
        Party party = new Party(subject, account);
        funds.deposit(party.actor(), Money.fen(depositFen));
        return party;
    }

    @Test
    @TestSecurity(user = "board-api-buyer", roles = "trader")
    void aPurchaseWithAnIdempotencyKeySettlesOnceAndShowsItsSteps() {
        Party seller = board.approved("seller", 0);
        Party buyer = fixedUser("board-api-buyer", 30_000);
        long before = board.available(buyer);
        Listing listing = listedBy(seller, 20_000);
        String key = "buy-" + UUID.randomUUID();

        Response first = given().header("Idempotency-Key", key).post("/api/v1/listings/" + listing.id() + "/purchase");
        first.then().statusCode(201).body("status", equalTo("SETTLED")).body("priceFen", equalTo(20_000))
                .body("split.feeFen", equalTo(500)).body("split.sellerNetFen", equalTo(19_500))
                .body("steps", hasSize(4)).body("steps[2].step", equalTo("SETTLE_ON_CHAIN"))
                .body("steps[2].txId", notNullValue());
        String tradeId = first.path("id");
        given().header("Idempotency-Key", key).post("/api/v1/listings/" + listing.id() + "/purchase")
                .then().statusCode(201).header(IdempotentResponses.REPLAYED, "true").body("id", equalTo(tradeId));

        assertThat(board.available(buyer)).isEqualTo(before - 20_000);
        given().get("/api/v1/trades/" + tradeId).then().statusCode(200).body("status", equalTo("SETTLED"))
                .body("settleTxId", notNullValue()).body("steps.status", org.hamcrest.Matchers.everyItem(
                        equalTo("DONE")));
        given().get("/api/v1/listings/" + listing.id()).then().statusCode(200).body("status", equalTo("SOLD"))
                .body("tradeId", equalTo(tradeId));
        given().get("/api/v1/trades").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(tradeId));
        // A second purchase of the sold listing is refused.
        given().post("/api/v1/listings/" + listing.id() + "/purchase").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("LISTING_NOT_OPEN"));
    }

    @Test
    @TestSecurity(user = "board-api-stranger", roles = "trader")
    void strangersGet404ForOthersTradesAndOffers() {
        Party seller = board.approved("seller", 0);
        Party buyer = board.approved("buyer", 30_000);
        Trade trade = purchases.buy(buyer.actor(), listedBy(seller, 10_000).id());
        given().get("/api/v1/trades/" + trade.id()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("TRADE_NOT_FOUND"));
        given().get("/api/v1/trades/not-an-id").then().statusCode(404);
        given().post("/api/v1/offers/ofr_00000000000000000000/accept").then().statusCode(404)
                .body("code", equalTo("OFFER_NOT_FOUND"));
    }

    @Test
    @TestSecurity(user = "board-api-seller", roles = "creator")
    void badListingsAre4xxProblemsAndWriteNothing() {
        Party seller = fixedUser("board-api-seller", 1);
        String asset = board.editions(1, 10_000, seller).assetIds().get(0);
        long listings = kyc.rows("board_listing");
        long height = ledger.height();

        post(Map.of("assetId", asset, "type", "FIXED_PRICE", "priceFen", 10.5, "disclosure", "d"))
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_AMOUNT"));
        post(Map.of("assetId", asset, "type", "DUTCH", "priceFen", 100, "disclosure", "d"))
                .then().statusCode(400).body("code", equalTo("INVALID_LISTING"));
        post(Map.of("assetId", asset, "type", "FIXED_PRICE", "priceFen", 10_000))
                .then().statusCode(400).body("code", equalTo("INVALID_LISTING"));
        post(Map.of("assetId", asset, "type", "OFFERS_ONLY", "priceFen", 10_000, "disclosure", "d"))
                .then().statusCode(400).body("code", equalTo("INVALID_LISTING"));
        post(Map.of("assetId", asset, "type", "FIXED_PRICE", "priceFen", 10_000, "disclosure", "d",
                "endsAt", "tomorrow")).then().statusCode(400).body("code", equalTo("INVALID_LISTING"));
        post(Map.of("assetId", asset, "type", "FIXED_PRICE", "priceFen", 99_000, "disclosure", "d"))
                .then().statusCode(422).body("code", equalTo("PRICE_BAND"));
        post(Map.of("assetId", asset, "type", "ENGLISH_AUCTION", "priceFen", 10_000, "minIncrementFen", 100,
                "endsAt", java.time.Instant.now().plusSeconds(600).toString(), "disclosure", "d"))
                .then().statusCode(422).body("code", equalTo("LISTING_TYPE_NOT_ALLOWED"));
        post(Map.of("assetId", "ed_missing", "type", "FIXED_PRICE", "priceFen", 10_000, "disclosure", "d"))
                .then().statusCode(404).body("code", equalTo("ASSET_NOT_FOUND"));
        given().contentType("application/json").body("{").post("/api/v1/listings").then().statusCode(400);

        assertThat(kyc.rows("board_listing")).isEqualTo(listings);
        assertThat(ledger.height()).isEqualTo(height);

        post(Map.of("assetId", asset, "type", "FIXED_PRICE", "priceFen", 10_000, "disclosure", "Mint condition."))
                .then().statusCode(201).body("status", equalTo("OPEN")).body("halted", equalTo(false))
                .body("licenceTerms", org.hamcrest.Matchers.containsString("No copyright"));
    }

    private static Response post(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/v1/listings");
    }

    @Test
    @TestSecurity(user = "board-api-regulator", roles = "regulator")
    void regulatorsReadTheBoardButChangeNothing() {
        given().get("/api/v1/board/policy").then().statusCode(200).body("feeBps", notNullValue())
                .body("listingTypes.EDITION", hasSize(2));
        given().get("/api/v1/listings").then().statusCode(200);
        given().get("/api/v1/board/halts").then().statusCode(200);
        post(Map.of("assetId", "x", "type", "FIXED_PRICE", "priceFen", 1, "disclosure", "d")).then().statusCode(403);
        given().contentType("application/json").body(Map.of("scope", "BOARD", "reason", "r"))
                .post("/api/v1/board/halts").then().statusCode(403);
        given().contentType("application/json").body("{}").put("/api/v1/board/policy").then().statusCode(403);
    }

    @Test
    void withRealTokensATraderBuysAndAnOperatorHaltsTheBoard() throws Exception {
        String bobToken = RealKeycloakTest.tokenFor("bob");
        Party bob = fixedUser(subjectOf(bobToken), 50_000);
        long before = board.available(bob);
        Party seller = board.approved("seller", 0);
        Listing listing = listedBy(seller, 10_000);
        String olivia = RealKeycloakTest.tokenFor("olivia");

        String haltId = given().auth().oauth2(olivia).contentType("application/json")
                .body(Map.of("scope", "LISTING", "targetId", listing.id(), "reason", "checking the disclosure"))
                .post("/api/v1/board/halts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(bobToken).post("/api/v1/listings/" + listing.id() + "/purchase").then()
                .statusCode(409).body("code", equalTo("HALT"));
        given().auth().oauth2(olivia).post("/api/v1/board/halts/" + haltId + "/lift").then().statusCode(200)
                .body("inForce", equalTo(false));

        given().auth().oauth2(bobToken).post("/api/v1/listings/" + listing.id() + "/purchase").then()
                .statusCode(201).body("status", equalTo("SETTLED")).body("buyerId", equalTo(bob.accountId()));
        assertThat(board.available(bob)).isEqualTo(before - 10_000);
    }

    private static String subjectOf(String jwt) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        JsonNode claims = new ObjectMapper().readTree(payload);
        return claims.path("sub").asText();
    }
}
