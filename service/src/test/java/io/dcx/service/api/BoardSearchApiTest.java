package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.board.BoardInvariants;
import io.dcx.service.domain.board.Listing;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Browsing the board: search by title or id, filters by type, asset kind and price, and the work shown with each. */
@QuarkusTest
class BoardSearchApiTest {
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;

    @AfterEach
    void invariantsHold() {
        invariants.check();
    }

    @Test
    @TestSecurity(user = "board-search-reader", roles = "trader")
    void theBoardFindsListingsByTitleAndFiltersByTypeKindAndPrice() {
        String word = "Dawn" + UUID.randomUUID().toString().substring(0, 8);
        Party seller = board.approved("search-seller", 0);
        String workId = board.rights().workOnChain(seller.subject(), "Harbour at " + word + " 晨光").id();
        JsonNode assets = board.rights().editionsOnChain(workId, seller.subject(), 2, 5_000);
        Listing fixed = board.fixedPrice(seller, assets.get(0).path("id").asText(), 5_000);
        Listing offers = board.offersOnly(seller, assets.get(1).path("id").asText());

        // By any part of the title, in any case, with the work's title, kind and the edition on each listing.
        given().queryParam("q", word.toLowerCase()).get("/api/v1/listings").then().statusCode(200)
                .body("id", containsInAnyOrder(fixed.id(), offers.id()))
                .body("workTitle", hasItems("Harbour at " + word + " 晨光"))
                .body("workKind", hasItems("OTHER")).body("editionCount", hasItems(2))
                .body("edition", containsInAnyOrder(1, 2));
        given().queryParam("q", "晨光 ").queryParam("sellerId", seller.accountId()).get("/api/v1/listings").then()
                .statusCode(200).body("id", containsInAnyOrder(fixed.id(), offers.id()));
        // By the work's, the asset's or the listing's id.
        given().queryParam("q", workId).get("/api/v1/listings").then().body("id",
                containsInAnyOrder(fixed.id(), offers.id()));
        given().queryParam("q", fixed.assetId()).get("/api/v1/listings").then().body("id", contains(fixed.id()));
        // Filters.
        given().queryParam("q", word).queryParam("type", "OFFERS_ONLY").get("/api/v1/listings").then()
                .body("id", contains(offers.id()));
        given().queryParam("q", word).queryParam("assetKind", "COPYRIGHT").get("/api/v1/listings").then()
                .body("id", empty());
        given().queryParam("q", word).queryParam("assetKind", "EDITION").queryParam("maxPriceFen", 5_000)
                .get("/api/v1/listings").then().body("id", contains(fixed.id()));
        given().queryParam("q", word).queryParam("minPriceFen", 5_001).get("/api/v1/listings").then()
                .body("id", empty());
        // LIKE wildcards are plain characters.
        given().queryParam("q", word + "%").get("/api/v1/listings").then().body("id", empty());
        given().queryParam("q", "Harbour_at").queryParam("sellerId", seller.accountId()).get("/api/v1/listings")
                .then().body("id", empty());
        // Without the new parameters the board answers as before: open listings, newest first.
        given().queryParam("sellerId", seller.accountId()).get("/api/v1/listings").then()
                .body("id", contains(offers.id(), fixed.id()));
        // One listing carries the work too.
        given().get("/api/v1/listings/" + fixed.id()).then().statusCode(200)
                .body("workTitle", equalTo("Harbour at " + word + " 晨光")).body("edition", equalTo(1))
                .body("priceFen", equalTo(5_000));
    }

    @Test
    @TestSecurity(user = "board-search-reader", roles = "trader")
    void badFiltersAreProblems() {
        given().queryParam("assetKind", "PAINTING").get("/api/v1/listings").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("minPriceFen", -1).get("/api/v1/listings").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("q", "x".repeat(201)).get("/api/v1/listings").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        given().get("/api/v1/listings/lst_00000000000000000000").then().statusCode(404)
                .body("code", equalTo("LISTING_NOT_FOUND"));
    }
}
