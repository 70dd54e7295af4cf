package io.dcx.service.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.e2e.E2eFixtures;
import io.dcx.service.security.RawHttp.Reply;
import io.dcx.service.security.RawHttp.Request;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The faults {@link ApiFuzzTest} found, one by one, each answered now as a 400 problem that changes nothing (before
 * the fixes: 500s, and bad input stored). Real tokens of the demo users.
 */
@QuarkusTest
class BadInputFixesTest {
    @Inject
    StateFingerprint state;

    @TestHTTPResource("/")
    URL base;

    private Reply send(String method, String path, String token, String type, byte[] body) {
        return new RawHttp(base.toString()).call(new Request(method, path, RawHttp.headers(
                "Authorization", "Bearer " + token, "Content-Type", type,
                "Idempotency-Key", method.equals("GET") ? null : "fix-" + UUID.randomUUID()), body));
    }

    private static void refused(Reply r, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }

    /** Was a 500: PostgreSQL refuses a NUL in text ("invalid byte sequence for encoding UTF8: 0x00"). */
    @Test
    void aNulInAPathOrQueryParameterIsABadRequest() {
        String bob = E2eFixtures.tokenFor("bob");
        Map<String, Long> before = state.quiet();
        refused(send("GET", "/api/v1/listings/%00/offers", bob, null, null), "INVALID_REQUEST");
        refused(send("GET", "/api/v1/kyc/wk%00.json", bob, null, null), "INVALID_REQUEST");
        refused(send("GET", "/api/v1/trades?assetId=a%00b", bob, null, null), "INVALID_REQUEST");
        refused(send("GET", "/api/v1/audit/events?actor=a%00b", E2eFixtures.tokenFor("rita"), null, null),
                "INVALID_REQUEST");
        refused(send("POST", "/api/v1/board/halts/%00/lift", E2eFixtures.tokenFor("olivia"), null, new byte[0]),
                "INVALID_REQUEST");
        assertThat(state.take()).isEqualTo(before);
    }

    /** Was an empty 500 (Jackson cannot set a record component twice). */
    @Test
    void aMemberGivenTwiceIsMalformed() {
        String bob = E2eFixtures.tokenFor("bob");
        Map<String, Long> before = state.quiet();
        Reply r = send("POST", "/api/v1/accounts/me/wallets", bob, "application/json",
                "{\"address\":\"0x1\",\"address\":\"0x2\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).as(r.toString()).isNotNull();
        assertThat(state.take()).isEqualTo(before);
    }

    /**
     * Were a 500 (the listing's insert failed in PostgreSQL on a NUL, also sent as the overlong bytes C0 80) or
     * stored (the overlong C0 AF as "/", a surrogate encoded on its own). Refused now before the asset is looked up.
     */
    @Test
    void aNulOrALoneSurrogateInATextMemberIsRefused() {
        String bob = E2eFixtures.tokenFor("bob");
        Map<String, Long> before = state.quiet();
        for (byte[] reason : new byte[][] {FuzzCases.ascii("\"a\\u0000b\""), FuzzCases.bytes('"', 'a', 0xC0, 0x80, '"'),
                FuzzCases.ascii("\"a\\ud800b\""), FuzzCases.bytes('"', '.', '.', 0xC0, 0xAF, '"'),
                FuzzCases.bytes('"', 0xED, 0xA0, 0x80, '"')}) {
            byte[] body = FuzzCases.concat(FuzzCases.concat(FuzzCases.ascii("{\"assetId\":\"wk_x-1\",\"type\":"
                    + "\"FIXED_PRICE\",\"priceFen\":100,\"disclosure\":"), reason), FuzzCases.ascii("}"));
            Reply r = send("POST", "/api/v1/listings", bob, "application/json", body);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.code()).as(r.toString()).isNotNull();
        }
        assertThat(state.take()).isEqualTo(before);
    }

    /** Were accepted ("100" read as 100, 1.5 as 1) or a 500 (a negative price band). */
    @Test
    void theBoardPolicyTakesWholeNumbersOnlyAndRefusesANegativePriceBand() throws Exception {
        String olivia = E2eFixtures.tokenFor("olivia");
        ObjectNode current = (ObjectNode) ApiOperations.JSON.readTree(given().auth().oauth2(olivia)
                .get("/api/v1/board/policy").then().statusCode(200).extract().asString());
        ObjectNode policy = ApiOperations.object();
        for (String f : new String[] {"listingTypes", "feeBps", "royaltyBps", "priceBandBps", "holdingPeriodSeconds",
                "dailyTransferCapPerAsset", "dailyTransferCapPerAccount"}) {
            policy.set(f, current.get(f));
        }
        Map<String, Long> before = state.quiet();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("feeBps", "100");
        bad.put("royaltyBps", 1.5);
        bad.put("holdingPeriodSeconds", "60");
        for (Map.Entry<String, Object> b : bad.entrySet()) {
            ObjectNode body = policy.deepCopy();
            body.set(b.getKey(), ApiOperations.JSON.valueToTree(b.getValue()));
            refused(send("PUT", "/api/v1/board/policy", olivia, "application/json",
                    body.toString().getBytes(StandardCharsets.UTF_8)), "MALFORMED_JSON");
        }
        ObjectNode negative = policy.deepCopy();
        negative.put("priceBandBps", -1);
        refused(send("PUT", "/api/v1/board/policy", olivia, "application/json",
                negative.toString().getBytes(StandardCharsets.UTF_8)), "INVALID_POLICY");
        assertThat(state.take()).isEqualTo(before);
    }

    /**
     * Were registered (a title of bytes that are not UTF-8 stored as U+FFFD, a NUL in the metadata) or a 500 after
     * the work was on chain (a lone surrogate in the metadata could not be written back), or a 500 for a multipart
     * body cut short.
     */
    @Test
    void uploadsWithTextThatIsNotUtf8OrAMultipartCutShortAreRefusedAndRegisterNothing() {
        String alice = E2eFixtures.tokenFor("alice");
        Map<String, Long> before = state.quiet();
        for (byte[] title : new byte[][] {FuzzCases.bytes('a', 0xED, 0xA0, 0x80), FuzzCases.bytes('a', 0xC0, 0xAF),
                FuzzCases.bytes(0xFF, 0xFE)}) {
            refused(upload(alice, title, null), "INVALID_TITLE");
        }
        refused(upload(alice, "fine".getBytes(StandardCharsets.UTF_8), "{\"description\":\"a\\u0000b\"}"),
                "INVALID_METADATA");
        refused(upload(alice, "fine".getBytes(StandardCharsets.UTF_8), "{\"description\":\"a\\ud800b\"}"),
                "INVALID_METADATA");
        byte[] whole = RawHttp.multipart("b0undary", Map.of("title", "t".getBytes(StandardCharsets.UTF_8),
                "kind", "OTHER".getBytes(StandardCharsets.UTF_8)), UUID.randomUUID().toString().getBytes(
                        StandardCharsets.UTF_8), "application/octet-stream");
        refused(send("POST", "/api/v1/works", alice, "multipart/form-data; boundary=b0undary",
                java.util.Arrays.copyOf(whole, whole.length - 30)), "INVALID_REQUEST");
        assertThat(state.take()).isEqualTo(before);
        // The same upload with a valid title registers: the refusals above are about the text.
        Reply ok = upload(alice, "Ünïcødé title \uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
                "{\"description\":\"fine\"}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    }

    private Reply upload(String token, byte[] title, String metadata) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("kind", "OTHER".getBytes(StandardCharsets.UTF_8));
        if (metadata != null) {
            fields.put("metadata", metadata.getBytes(StandardCharsets.UTF_8));
        }
        String boundary = "fix" + UUID.randomUUID().toString().replace("-", "");
        return send("POST", "/api/v1/works", token, "multipart/form-data; boundary=" + boundary,
                RawHttp.multipart(boundary, fields, ("fix " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                        "application/octet-stream"));
    }
}
