package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.dcx.service.application.ledger.LedgerIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issuing editions and the copyright of a work, and the asset read model they feed. Every refusal is checked to leave
 * no block and no row behind.
 */
@QuarkusTest
class EditionResourceTest {

    @Inject
    RightsFixtures fixtures;

    private static ValidatableResponse issue(String workId, String body) {
        return given().contentType("application/json").body(body)
                .post("/api/v1/works/" + workId + "/editions").then();
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aCreatorIssuesEditionsOfTheirWorkOnce() {
        String workId = RightsFixtures.registerWork("Limited series");
        String alice = fixtures.account("alice");
        long height = fixtures.height();

        Number block = issue(workId, "{\"count\": 3, \"issuePriceFen\": 12500}")
                .statusCode(201)
                .header("Location", endsWith("/api/v1/works/" + workId + "/assets"))
                .body("workId", equalTo(workId))
                .body("count", equalTo(3))
                .body("issuePriceFen", equalTo(12500))
                .body("txId", notNullValue())
                .body("assets", hasSize(3))
                .body("assets.id", equalTo(List.of(workId + "-1", workId + "-2", workId + "-3")))
                .body("assets.edition", equalTo(List.of(1, 2, 3)))
                .body("assets.editionCount", everyItem(equalTo(3)))
                .body("assets.kind", everyItem(equalTo("EDITION")))
                .body("assets.ownerId", everyItem(equalTo(alice)))
                .body("assets.status", everyItem(equalTo("ACTIVE")))
                .body("assets.acquiredBy", everyItem(equalTo("ISSUE")))
                .body("assets.issuePriceFen", everyItem(equalTo(12500)))
                .extract().path("blockNumber");
        assertThat(block.longValue()).isGreaterThanOrEqualTo(height);
        assertThat(fixtures.height()).isEqualTo(height + 1);

        // Read-your-writes: the rows are there before the projector has necessarily seen the event.
        given().get("/api/v1/works/" + workId + "/assets").then().statusCode(200)
                .body("", hasSize(3))
                .body("edition", equalTo(List.of(1, 2, 3)));
        given().get("/api/v1/assets/" + workId + "-2").then().statusCode(200)
                .body("edition", equalTo(2))
                .body("editionCount", equalTo(3))
                .body("ownerId", equalTo(alice))
                .body("currency", equalTo("CNY"))
                .body("blockNumber", equalTo(block.intValue()));
        given().queryParam("owner", "me").get("/api/v1/assets").then().statusCode(200)
                .body("id", hasItems(workId + "-1", workId + "-2", workId + "-3"));

        // Once per work: the second series is refused (by the read model first, the chain would too).
        fixtures.awaitProjected(block.longValue());
        RightsFixtures.Footprint before = fixtures.footprint();
        issue(workId, "{\"count\": 5, \"issuePriceFen\": 100}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("EDITIONS_ALREADY_ISSUED"));
        fixtures.assertNothingWritten(before);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void theChainRefusesASecondSeriesEvenWhenTheReadModelMissedTheFirst() {
        // The first series is issued by another client of the chain; whether or not the projector has caught up,
        // the service answers 409 and writes nothing.
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Issued elsewhere");
        fixtures.submit(LedgerIdentity.COPYRIGHT, "assets:IssueEditions", work.id(), fixtures.account("alice"),
                "2", "0");
        RightsFixtures.Footprint before = fixtures.footprint();
        issue(work.id(), "{\"count\": 2, \"issuePriceFen\": 0}")
                .statusCode(409)
                .body("code", equalTo("EDITIONS_ALREADY_ISSUED"));
        fixtures.assertNothingWritten(before);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void theCopyrightIsIssuedOnceAsItsOwnAsset() {
        String workId = RightsFixtures.registerWork("Copyright to assign");
        given().post("/api/v1/works/" + workId + "/copyright").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/assets/" + workId + "-c"))
                .body("id", equalTo(workId + "-c"))
                .body("kind", equalTo("COPYRIGHT"))
                .body("edition", nullValue())
                .body("issuePriceFen", nullValue())
                .body("ownerId", equalTo(fixtures.account("alice")));

        RightsFixtures.Footprint before = fixtures.footprint();
        given().post("/api/v1/works/" + workId + "/copyright").then()
                .statusCode(409)
                .body("code", equalTo("COPYRIGHT_ALREADY_ISSUED"))
                .body("assetId", equalTo(workId + "-c"));
        fixtures.assertNothingWritten(before);

        // Editions and the copyright live side by side: editions first, the copyright last.
        issue(workId, "{\"count\": 1, \"issuePriceFen\": 0}").statusCode(201);
        given().get("/api/v1/works/" + workId + "/assets").then().statusCode(200)
                .body("id", equalTo(List.of(workId + "-1", workId + "-c")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void badInputIsAProblemAndWritesNothing() {
        String workId = RightsFixtures.registerWork("Guarded series");
        RightsFixtures.Footprint before = fixtures.footprint();

        issue(workId, "{\"count\": 0, \"issuePriceFen\": 100}").statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_EDITION_COUNT"));
        issue(workId, "{\"count\": 10001, \"issuePriceFen\": 100}").statusCode(400)
                .body("code", equalTo("INVALID_EDITION_COUNT"));
        issue(workId, "{\"count\": -3, \"issuePriceFen\": 100}").statusCode(400)
                .body("code", equalTo("INVALID_EDITION_COUNT"));
        issue(workId, "{\"count\": \"3\", \"issuePriceFen\": 100}").statusCode(400)
                .body("code", equalTo("INVALID_EDITION_COUNT"));
        issue(workId, "{\"count\": 2.0, \"issuePriceFen\": 100}").statusCode(400)
                .body("code", equalTo("INVALID_EDITION_COUNT"));
        issue(workId, "{\"count\": 99999999999, \"issuePriceFen\": 100}").statusCode(400)
                .body("code", equalTo("INVALID_EDITION_COUNT"));
        issue(workId, "{\"issuePriceFen\": 100}").statusCode(400)
                .body("code", equalTo("INVALID_EDITION_COUNT"));
        issue(workId, "{\"count\": 3, \"issuePriceFen\": -1}").statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        issue(workId, "{\"count\": 3, \"issuePriceFen\": \"12.5\"}").statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        issue(workId, "{\"count\": 3, \"issuePriceFen\": 12.5}").statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        issue(workId, "{\"count\": 3, \"issuePriceFen\": \"100\"}").statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        issue(workId, "{\"count\": 3, \"issuePriceFen\": 1e3}").statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        issue(workId, "{\"count\": 3}").statusCode(400).body("code", equalTo("INVALID_AMOUNT"));
        issue(workId, "{\"count\": 3, \"issuePriceFen\": 1, \"currency\": \"USD\"}").statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        issue(workId, "{\"count\": 3, \"count\": 4, \"issuePriceFen\": 1}").statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        issue(workId, "{\"count\": 3,").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        issue(workId, "").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        issue(workId, "[3, 100]").statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().contentType("text/plain").body("count=3").post("/api/v1/works/" + workId + "/editions").then()
                .statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        issue("wk_doesnotexist", "{\"count\": 3, \"issuePriceFen\": 100}").statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));
        given().post("/api/v1/works/wk_doesnotexist/copyright").then().statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));

        fixtures.assertNothingWritten(before);
        given().get("/api/v1/works/" + workId + "/assets").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void someoneElsesWorkAnswersLikeAnUnknownOne() {
        RightsFixtures.ChainWork daves = fixtures.workOnChain("dave", "Dave's own");
        RightsFixtures.Footprint before = fixtures.footprint();

        String unknown = issue("wk_doesnotexist", "{\"count\": 3, \"issuePriceFen\": 100}").statusCode(404)
                .extract().path("detail");
        String others = issue(daves.id(), "{\"count\": 3, \"issuePriceFen\": 100}").statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"))
                .extract().path("detail");
        assertThat(others).isEqualTo(unknown.replace("wk_doesnotexist", daves.id()));
        given().post("/api/v1/works/" + daves.id() + "/copyright").then().statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));

        fixtures.assertNothingWritten(before);
        // Reading is open to every role: the work is there, without assets.
        given().get("/api/v1/works/" + daves.id() + "/assets").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void aTraderMayReadAssetsButNotIssueThem() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("dave", "Read by a trader");
        fixtures.editionsOnChain(work.id(), "dave", 2, 900);
        RightsFixtures.Footprint before = fixtures.footprint();

        issue(work.id(), "{\"count\": 3, \"issuePriceFen\": 100}").statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        given().post("/api/v1/works/" + work.id() + "/copyright").then().statusCode(403);
        fixtures.assertNothingWritten(before);

        // Issued by another client of the chain: the projector brought them into the read model.
        given().get("/api/v1/works/" + work.id() + "/assets").then().statusCode(200)
                .body("id", equalTo(List.of(work.id() + "-1", work.id() + "-2")))
                .body("ownerId", everyItem(equalTo(fixtures.account("dave"))))
                .body("issuePriceFen", everyItem(equalTo(900)));
        given().get("/api/v1/assets/" + work.id() + "-1").then().statusCode(200)
                .body("workId", equalTo(work.id()));
        given().queryParam("owner", "me").get("/api/v1/assets").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void withoutATokenNothingIsIssued() {
        long height = fixtures.height();
        issue("wk_anything", "{\"count\": 3, \"issuePriceFen\": 100}").statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/assets/wk_anything-1").then().statusCode(401);
        assertThat(fixtures.height()).isEqualTo(height);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void theLargestSeriesOfTenThousandEditions() {
        String workId = RightsFixtures.registerWork("Ten thousand");
        issue(workId, "{\"count\": 10000, \"issuePriceFen\": 1}")
                .statusCode(201)
                .body("assets", hasSize(10000))
                .body("assets[9999].id", equalTo(workId + "-10000"))
                .body("assets[9999].edition", equalTo(10000));
        given().get("/api/v1/assets/" + workId + "-10000").then().statusCode(200)
                .body("editionCount", equalTo(10000));
        assertThat(fixtures.rows("AssetEntity")).isGreaterThanOrEqualTo(10000);
    }
}
