package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A creator's own works (GET /api/v1/accounts/me/works) and royalties (GET /api/v1/accounts/me/royalties). */
@QuarkusTest
class CreatorStatementsTest {
    private static final String ME = "statements-creator";

    @Inject
    RegistrationFixtures registrations;
    @Inject
    BoardFixtures board;
    @Inject
    Purchases purchases;

    @Test
    @TestSecurity(user = ME, roles = "creator")
    void myWorksAreTheWorksICreatedOrCoCreatedNewestFirstAndNoOneElses() {
        String mine = given().multiPart("file", "mine.png", TestImages.png(TestImages.freshScene()), "image/png")
                .multiPart("title", "Mine").multiPart("kind", "IMAGE")
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        String me = registrations.account(ME).value();
        String other = registrations.account("statements-other").value();
        Work joint = registrations.registered("statements-other", TestImages.png(TestImages.freshScene()), "Joint",
                "IMAGE", "{\"creators\":[{\"accountId\":\"" + other + "\",\"shareBps\":5000},{\"accountId\":\"" + me
                        + "\",\"shareBps\":5000}]}", "image/png");
        Work theirs = registrations.registered("statements-other", TestImages.png(TestImages.freshScene()), "Theirs",
                "IMAGE", null, "image/png");

        List<String> ids = given().get("/api/v1/accounts/me/works").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertThat(ids).contains(mine, joint.id()).doesNotContain(theirs.id());
        assertThat(ids.indexOf(joint.id())).isLessThan(ids.indexOf(mine));
        given().get("/api/v1/accounts/me/works?limit=1").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(joint.id()))
                .body("[0].contentHash", equalTo(joint.contentHash()));
        given().get("/api/v1/accounts/me/works?limit=0").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    @TestSecurity(user = ME, roles = "creator")
    void royaltiesListEveryResaleOfMyWorksWithMyShareAndTheTotal() {
        BoardPolicies.Policy before = board.policy();
        board.quickResales();
        try {
            Party me = new Party(ME, board.kyc().approved(ME));
            Party co = board.approved("co", 0);
            Party bob = board.approved("bob", 100_000);
            Party carol = board.approved("carol", 100_000);
            JsonPath start = given().get("/api/v1/accounts/me/royalties").then().statusCode(200).extract().jsonPath();
            long totalBefore = start.getLong("totalFen");
            long countBefore = start.getLong("count");

            BoardFixtures.Work work = board.editions(2, 10_000, me, 6_000, co, 4_000);
            String asset = work.assetIds().get(1);
            Trade primary = purchases.buy(bob.actor(), board.fixedPrice(me, asset, 10_000).id());
            Trade resale = purchases.buy(carol.actor(), board.fixedPrice(bob, asset, 12_345).id());
            assertThat(primary.status()).isEqualTo(TradeStatus.SETTLED);
            assertThat(resale.status()).isEqualTo(TradeStatus.SETTLED);

            // royalty pool 500 bps of 12,345 = 617, shared 6,000/4,000: 370 to me (SettlementTest has the split)
            JsonPath after = given().get("/api/v1/accounts/me/royalties").then().statusCode(200)
                    .body("accountId", equalTo(me.accountId()))
                    .body("currency", equalTo("CNY"))
                    .body("entries[0].tradeId", equalTo(resale.id()))
                    .body("entries[0].workId", equalTo(work.id()))
                    .body("entries[0].assetId", equalTo(asset))
                    .body("entries[0].priceFen", equalTo(12_345))
                    .body("entries[0].shareBps", equalTo(6_000))
                    .body("entries[0].amountFen", equalTo(370))
                    .extract().jsonPath();
            assertThat(after.getLong("totalFen")).isEqualTo(totalBefore + 370);
            assertThat(after.getLong("count")).isEqualTo(countBefore + 1);
            assertThat(after.getString("entries[0].workTitle")).isNotBlank();
            assertThat(after.getString("entries[0].settledAt")).isNotBlank();
            // a primary sale pays no royalty, so it is not listed
            assertThat(after.getList("entries.tradeId", String.class)).doesNotContain(primary.id());
        } finally {
            board.restorePolicy(before);
        }
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void theyAreForCreators() {
        given().get("/api/v1/accounts/me/works").then().statusCode(403);
        given().get("/api/v1/accounts/me/royalties").then().statusCode(403);
    }
}
