package io.dcx.service.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.board.Auctions;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.SealedBidAuction;
import io.dcx.service.domain.board.TradeStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auctions with real tokens from the real Keycloak: the traders bob and carol bid against each other. */
@QuarkusTest
class AuctionRealKeycloakTest {
    private static final String SALT = "bob-and-carol-salt-0042";

    @Inject
    AuctionFixtures auctions;
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;

    private BoardPolicies.Policy policyBefore;

    @BeforeEach
    void noOpenAuctionsLeft() {
        auctions.closeAllOpenAuctions();
        policyBefore = auctions.roomForFixedWinners();
    }

    /** bob and carol are shared with other tests that expect them to start without money. */
    private final List<BoardFixtures.Party> fixedUsers = new ArrayList<>();

    @AfterEach
    void invariantsHoldAndNoMoneyIsLeftBehind() {
        board.restorePolicy(policyBefore);
        invariants.check();
        fixedUsers.forEach(auctions::drain);
    }

    private BoardFixtures.Party fixedUser(String token, long depositFen) throws Exception {
        BoardFixtures.Party party = auctions.httpBidder(subjectOf(token), depositFen);
        fixedUsers.add(party);
        return party;
    }

    static String tokenFor(String user) {
        return RestAssured.given().baseUri(System.getenv("DCX_TEST_OIDC_URL"))
                .formParam("grant_type", "password").formParam("client_id", "dcx-cli")
                .formParam("username", user).formParam("password", "dcx-demo")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static String subjectOf(String token) throws Exception {
        JsonNode claims = new ObjectMapper().readTree(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        return claims.path("sub").asText();
    }

    @Test
    void bobAndCarolBidInAnEnglishAuctionAndCarolWins() throws Exception {
        String bob = tokenFor("bob");
        String carol = tokenFor("carol");
        BoardFixtures.Party bobParty = fixedUser(bob, 50_000);
        BoardFixtures.Party carolParty = fixedUser(carol, 50_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.english(lot, 2_000, null, 200, Duration.ofMinutes(10), 0);
        String path = "/api/v1/listings/" + listing.id() + "/bids";

        given().auth().oauth2(bob).contentType("application/json").body("{\"amountFen\":2000}").post(path)
                .then().statusCode(201).body("bidder", equalTo(bobParty.accountId()));
        given().auth().oauth2(carol).contentType("application/json").body("{\"amountFen\":2100}").post(path)
                .then().statusCode(422).body("code", equalTo("BID_TOO_LOW")).body("minimumFen", equalTo(2_200));
        String carols = given().auth().oauth2(carol).contentType("application/json").body("{\"amountFen\":2200}")
                .post(path).then().statusCode(201).extract().path("id");
        assertThat(board.held(bobParty)).isZero();
        assertThat(board.held(carolParty)).isEqualTo(2_200);
        // the regulator reads the bids; a regulator cannot bid
        String rita = tokenFor("rita");
        given().auth().oauth2(rita).get(path).then().statusCode(200).body("bids", hasSize(2))
                .body("bids[1].bidder", equalTo(carolParty.accountId()));
        given().auth().oauth2(rita).contentType("application/json").body("{\"amountFen\":9000}").post(path)
                .then().statusCode(403);

        Auctions.ClosedAuction closed = auctions.close(listing.id(), listing.endsAt());
        assertThat(closed.winningBidId()).isEqualTo(carols);
        assertThat(auctions.trade(closed.tradeId()).status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(board.chainAsset(lot.assetId()).path("ownerId").asText()).isEqualTo(carolParty.accountId());
    }

    @Test
    void bobCommitsAndRevealsASealedBidWithARealToken() throws Exception {
        String bob = tokenFor("bob");
        BoardFixtures.Party bobParty = fixedUser(bob, 50_000);
        AuctionFixtures.Lot lot = auctions.lot();
        Listing listing = auctions.sealed(lot, 1_000, Duration.ofMinutes(10), Duration.ofMinutes(10));
        String path = "/api/v1/listings/" + listing.id() + "/bids";
        String id = given().auth().oauth2(bob).contentType("application/json")
                .body("{\"commitment\":\"" + SealedBidAuction.commitmentOf(4_000, SALT, bobParty.accountId()) + "\"}")
                .post(path).then().statusCode(201).extract().path("id");
        // carol sees nothing of bob's bid
        given().auth().oauth2(tokenFor("carol")).get(path).then().statusCode(200).body("bids", hasSize(0));
        Listing revealing = auctions.endBidding(listing.id());
        given().auth().oauth2(bob).contentType("application/json")
                .body("{\"amountFen\":4000,\"salt\":\"" + SALT + "\"}").post(path + "/" + id + "/reveal")
                .then().statusCode(200).body("status", equalTo("REVEALED"));
        assertThat(board.held(bobParty)).isEqualTo(4_000);
        Auctions.ClosedAuction closed = auctions.close(listing.id(), revealing.revealEndsAt());
        assertThat(auctions.trade(closed.tradeId()).buyerId()).isEqualTo(bobParty.accountId());
    }
}
