package io.dcx.service.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.api.KycFixtures;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.application.money.Funds;
import io.dcx.service.domain.money.Money;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Preconditions for the browser tests, for the real demo users of the Keycloak realm. A demo user's account is the
 * pseudonym of its Keycloak subject, so these fixtures act on the same account the browser logs in to. Other suites
 * of the same run use the demo users too; {@link #approved} therefore starts the user over with a fresh random
 * identity (no links to anyone) instead of trusting what an earlier test left behind.
 */
@ApplicationScoped
public class E2eFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KycFixtures kyc;
    @Inject
    BoardFixtures board;
    @Inject
    Funds funds;

    /** An access token of a demo user (password grant on the dcx-cli client of the real Keycloak). */
    public static String tokenFor(String user) {
        String realm = System.getenv("DCX_TEST_OIDC_URL");
        if (realm == null || realm.isBlank()) {
            throw new IllegalStateException("DCX_TEST_OIDC_URL is not set: run the tests through ./dcx test");
        }
        return RestAssured.given().baseUri(realm)
                .formParam("grant_type", "password").formParam("client_id", "dcx-cli")
                .formParam("username", user).formParam("password", ConsoleBrowser.DEMO_PASSWORD)
                .post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The Keycloak subject of a demo user, read from its token. */
    public static String subjectOf(String user) {
        String payload = tokenFor(user).split("\\.")[1];
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            return claims.path("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo user's account id (its pseudonym). */
    public String accountOf(String user) {
        return kyc.accountOf(subjectOf(user));
    }

    /** Makes the demo user an approved individual with a fresh identity and {@code depositFen} available. */
    public String approved(String user, long depositFen) {
        String subject = subjectOf(user);
        String account = kyc.approved(subject);
        if (depositFen > 0) {
            funds.deposit(kyc.actor(subject), Money.fen(depositFen));
        }
        return account;
    }

    /** The demo user with its KYC and account forgotten (to fill in the KYC form from the start). */
    public void unverified(String user) {
        kyc.reset(subjectOf(user));
    }

    public BoardFixtures board() {
        return board;
    }

    public KycFixtures kyc() {
        return kyc;
    }

    /** A unique suffix for titles and names, so parallel and repeated runs never collide. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
