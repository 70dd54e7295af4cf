package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.domain.RandomIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Granting licences on a work and reading them; refusals leave no block and no licence row. */
@QuarkusTest
class LicenceResourceTest {

    @Inject
    RightsFixtures fixtures;

    private static ValidatableResponse grant(String workId, String body) {
        return given().contentType("application/json").body(body)
                .post("/api/v1/works/" + workId + "/licences").then();
    }

    private static String licence(String licensee, boolean exclusive, String from, String until, String fee) {
        return "{\"licenseeId\":\"" + licensee + "\",\"scope\":{\"commercialUse\":true,\"derivatives\":false,"
                + "\"territory\":\"CN\",\"exclusive\":" + exclusive + "},\"feeFen\":" + fee + ",\"validFrom\":\""
                + from + "\",\"validUntil\":\"" + until + "\"}";
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aCreatorGrantsLicencesAndExclusiveOnesMayNotOverlap() {
        String workId = RightsFixtures.registerWork("Licensed poster");
        String alice = fixtures.account("alice");
        String dave = fixtures.account("dave");
        String carol = fixtures.account("carol");

        String first = grant(workId, licence(dave, false, "2026-01-01", "2027-01-01", "500000"))
                .statusCode(201)
                .header("Location", notNullValue())
                .body("id", startsWith("lic_"))
                .body("workId", equalTo(workId))
                .body("licenseeId", equalTo(dave))
                .body("grantorId", equalTo(alice))
                .body("scope.commercialUse", equalTo(true))
                .body("scope.derivatives", equalTo(false))
                .body("scope.territory", equalTo("CN"))
                .body("scope.exclusive", equalTo(false))
                .body("feeFen", equalTo(500000))
                .body("currency", equalTo("CNY"))
                .body("validFrom", equalTo("2026-01-01"))
                .body("validUntil", equalTo("2027-01-01"))
                .body("txId", notNullValue())
                .body("grantedAt", notNullValue())
                .extract().path("id");

        // An exclusive licence overlapping the first in time is refused by the chain and leaves nothing.
        RightsFixtures.Footprint before = fixtures.footprint();
        grant(workId, licence(carol, true, "2026-06-01", "2026-09-01", "100"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("LICENCE_CONFLICT"))
                .body("detail", containsString(first));
        fixtures.assertNothingWritten(before);

        // Validity is half-open: an exclusive licence may start on the day the first one ends.
        String second = grant(workId, licence(carol, true, "2027-01-01", "2028-01-01", "0"))
                .statusCode(201)
                .body("scope.exclusive", equalTo(true))
                .extract().path("id");

        given().get("/api/v1/works/" + workId + "/licences").then().statusCode(200)
                .body("id", equalTo(List.of(first, second)))
                .body("licenseeId", equalTo(List.of(dave, carol)));
        given().get("/api/v1/licences/" + second).then().statusCode(200)
                .body("workId", equalTo(workId))
                .body("validFrom", equalTo("2027-01-01"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void badInputIsAProblemAndWritesNothing() {
        String workId = RightsFixtures.registerWork("Not licensed like that");
        String alice = fixtures.account("alice");
        String dave = fixtures.account("dave");
        RightsFixtures.ChainWork daves = fixtures.workOnChain("dave", "Dave's, not Alice's");
        RightsFixtures.Footprint before = fixtures.footprint();

        grant(workId, licence(dave, false, "2027-01-01", "2026-01-01", "1")).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_LICENCE_TERM"));
        grant(workId, licence(dave, false, "2026-01-01", "2026-01-01", "1")).statusCode(400)
                .body("code", equalTo("INVALID_LICENCE_TERM"));
        grant(workId, licence(dave, false, "2026-02-30", "2027-01-01", "1")).statusCode(400)
                .body("code", equalTo("INVALID_LICENCE_TERM"));
        grant(workId, licence(dave, false, "2026/01/01", "2027-01-01", "1")).statusCode(400)
                .body("code", equalTo("INVALID_LICENCE_TERM"));
        grant(workId, licence(dave, false, "2026-01-01T00:00:00Z", "2027-01-01", "1")).statusCode(400)
                .body("code", equalTo("INVALID_LICENCE_TERM"));
        grant(workId, licence("dave", false, "2026-01-01", "2027-01-01", "1")).statusCode(400)
                .body("code", equalTo("INVALID_ACCOUNT_ID"));
        grant(workId, licence(dave.toUpperCase(), false, "2026-01-01", "2027-01-01", "1")).statusCode(400)
                .body("code", equalTo("INVALID_ACCOUNT_ID"));
        grant(workId, licence(alice, false, "2026-01-01", "2027-01-01", "1")).statusCode(422)
                .body("code", equalTo("LICENSEE_IS_GRANTOR"));
        grant(workId, licence(dave, false, "2026-01-01", "2027-01-01", "-1")).statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        grant(workId, licence(dave, false, "2026-01-01", "2027-01-01", "\"100\"")).statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        grant(workId, licence(dave, false, "2026-01-01", "2027-01-01", "99.5")).statusCode(400)
                .body("code", equalTo("INVALID_AMOUNT"));
        grant(workId, "{\"licenseeId\":\"" + dave + "\",\"scope\":{\"commercialUse\":true,\"derivatives\":false,"
                + "\"exclusive\":false},\"feeFen\":1,\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-01-01\"}")
                .statusCode(400).body("code", equalTo("INVALID_LICENCE_SCOPE"));
        grant(workId, "{\"licenseeId\":\"" + dave + "\",\"scope\":{\"commercialUse\":\"yes\",\"derivatives\":false,"
                + "\"territory\":\"CN\",\"exclusive\":false},\"feeFen\":1,\"validFrom\":\"2026-01-01\","
                + "\"validUntil\":\"2027-01-01\"}")
                .statusCode(400).body("code", equalTo("INVALID_LICENCE_SCOPE"));
        grant(workId, "{\"licenseeId\":\"" + dave + "\",\"scope\":{\"commercialUse\":true,\"derivatives\":false,"
                + "\"territory\":\"" + "x".repeat(101) + "\",\"exclusive\":false},\"feeFen\":1,"
                + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-01-01\"}")
                .statusCode(400).body("code", equalTo("INVALID_LICENCE_SCOPE"));
        grant(workId, "{\"licenseeId\":\"" + dave + "\",\"scope\":{\"commercialUse\":true,\"derivatives\":false,"
                + "\"territory\":\"CN\",\"exclusive\":false,\"sublicensable\":true},\"feeFen\":1,"
                + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-01-01\"}")
                .statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        grant(workId, "{\"licenseeId\":\"" + dave + "\",\"scope\":\"worldwide\",\"feeFen\":1,"
                + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-01-01\"}")
                .statusCode(400).body("code", equalTo("INVALID_LICENCE_SCOPE"));
        grant(workId, "{\"licenseeId\":").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        grant("wk_doesnotexist", licence(dave, false, "2026-01-01", "2027-01-01", "1")).statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));
        grant(daves.id(), licence(fixtures.account("carol"), false, "2026-01-01", "2027-01-01", "1"))
                .statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));

        fixtures.assertNothingWritten(before);
        given().get("/api/v1/works/" + workId + "/licences").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void everyRoleReadsLicencesButOnlyCreatorsGrant() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("dave", "Licensed elsewhere");
        String licenceId = RandomIds.next("lic_");
        ObjectNode request = RightsFixtures.JSON.createObjectNode();
        request.put("id", licenceId);
        request.put("workId", work.id());
        request.put("licenseeId", fixtures.account("bob"));
        request.put("grantorId", fixtures.account("dave"));
        request.putObject("scope").put("commercialUse", false).put("derivatives", true).put("territory", "HK")
                .put("exclusive", false);
        request.put("feeFen", 0);
        request.put("validFrom", "2026-03-01");
        request.put("validUntil", "2026-04-01");
        // Granted by another client of the chain: the projector brings it into the read model.
        CommittedTransaction tx = fixtures.submit(LedgerIdentity.COPYRIGHT, "works:GrantLicence",
                RightsFixtures.write(request));
        fixtures.awaitProjected(tx.blockNumber());

        given().get("/api/v1/works/" + work.id() + "/licences").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(licenceId))
                .body("[0].scope.derivatives", equalTo(true))
                .body("[0].txId", equalTo(tx.txId()))
                .body("[0].blockNumber", equalTo((int) tx.blockNumber()));
        given().get("/api/v1/licences/" + licenceId).then().statusCode(200)
                .body("scope.territory", equalTo("HK"));
        given().get("/api/v1/licences/lic_doesnotexist").then().statusCode(404)
                .body("code", equalTo("LICENCE_NOT_FOUND"));
        given().get("/api/v1/works/wk_doesnotexist/licences").then().statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));

        RightsFixtures.Footprint before = fixtures.footprint();
        grant(work.id(), licence(fixtures.account("carol"), false, "2026-01-01", "2027-01-01", "1"))
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        fixtures.assertNothingWritten(before);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aLicenceLocationPointsAtIt() {
        String workId = RightsFixtures.registerWork("Located licence");
        String location = grant(workId, licence(fixtures.account("dave"), false, "2026-01-01", "2026-02-01", "0"))
                .statusCode(201)
                .extract().header("Location");
        assertThat(location).contains("/api/v1/licences/lic_");
        given().get(location).then().statusCode(200).body("workId", equalTo(workId));
    }

    @Test
    void licencesNeedAToken() {
        given().get("/api/v1/licences/lic_any").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/works/wk_any/licences").then().statusCode(401);
    }
}
