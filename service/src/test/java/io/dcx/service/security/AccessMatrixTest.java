package io.dcx.service.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.e2e.E2eFixtures;
import io.dcx.service.security.AccessTable.Entry;
import io.dcx.service.security.AccessTable.Probe;
import io.dcx.service.security.AccessTable.Role;
import io.dcx.service.security.ApiOperations.Operation;
import io.dcx.service.security.RawHttp.Reply;
import io.dcx.service.security.RawHttp.Request;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the live OpenAPI document against every role (the realm's demo users with real tokens from the
 * real Keycloak) and against no token, compared with {@link AccessTable} (design.md section 4 as data).
 *
 * <ul>
 *   <li>a role the table allows must not be refused for its role: no 401, no 403 {@code FORBIDDEN} (a 403 with a
 *       business code such as {@code KYC_REQUIRED} is a rule of the operation, not of the role);</li>
 *   <li>a role the table does not allow gets 403 problem+json {@code FORBIDDEN};</li>
 *   <li>no token gets 401 {@code UNAUTHENTICATED}, except the public operations, which answer without one;</li>
 *   <li>never a 5xx, and every 4xx is problem+json with a code;</li>
 *   <li>resources of others answer 404, not 403 ({@link #resourcesOfOthersAnswer404LikeResourcesThatDoNotExist}).</li>
 * </ul>
 *
 * <p>Path parameters name real resources where one is at hand (a work of alice with editions, her listing, bob's
 * trade, her KYC submission and registration), dummy ids otherwise. Bodies are an empty JSON object (an empty
 * multipart for the upload): a role that may call the operation gets past the role check to a validation error
 * (or, for body-less calls, the action), and no call of this test needs a valid body to be judged.
 */
@QuarkusTest
class AccessMatrixTest {
    static final String DUMMY = "zz_0123456789abcdef0123456789";

    @Inject
    E2eFixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    /** Real resources to name in paths. */
    record World(String workId, String assetId, String soldListing, String openListing, String spareListing,
            String tradeId, String kycId, String registrationId) {
    }

    @Test
    void theTableClassifiesEveryOperationOfTheDocumentAndNothingElse() {
        Set<String> documented = ApiOperations.all().stream().map(Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unclassified = new TreeSet<>(documented);
        unclassified.removeAll(AccessTable.ENTRIES.keySet());
        Set<String> stale = new TreeSet<>(AccessTable.ENTRIES.keySet());
        stale.removeAll(documented);
        assertThat(unclassified).as("operations of the OpenAPI document that AccessTable does not classify:"
                + " add each to AccessTable with its category of design.md section 4").isEmpty();
        assertThat(stale).as("AccessTable entries that are not in the OpenAPI document any more").isEmpty();
        assertThat(documented).hasSizeGreaterThanOrEqualTo(90); // 90 when written (issue 10)
    }

    @Test
    void everyOperationAnswersEveryRoleAndNoTokenAsTheDesignTableSays() {
        World world = world();
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            tokens.put(r, E2eFixtures.tokenFor(r.user));
        }
        RawHttp http = new RawHttp(base.toString());
        List<String> failures = new ArrayList<>();
        Map<String, Map<String, Integer>> seen = new LinkedHashMap<>();
        int calls = 0;
        for (Operation op : ApiOperations.all()) {
            Entry entry = AccessTable.ENTRIES.get(op.key());
            if (entry == null) {
                failures.add(op.key() + ": not classified in AccessTable");
                continue;
            }
            for (Probe probe : entry.probes()) {
                String label = op.key() + (probe.query().isEmpty() ? "" : " ?" + probe.query());
                Map<String, Integer> row = new LinkedHashMap<>();
                seen.put(label, row);
                for (Role role : Role.values()) {
                    Reply reply = http.call(request(op, probe, world, tokens.get(role)));
                    calls++;
                    row.put(role.name().toLowerCase(), reply.status());
                    String who = label + " as " + role.user + " (" + role.name().toLowerCase() + ")";
                    wellFormed(who, reply, failures);
                    boolean roleRefused = reply.status() == 401
                            || reply.status() == 403 && "FORBIDDEN".equals(reply.code());
                    if (entry.isPublic() || probe.roles().contains(role)) {
                        if (roleRefused) {
                            failures.add(who + ": the table allows this role, the service refused it: " + reply);
                        }
                    } else if (reply.status() != 403 || !"FORBIDDEN".equals(reply.code())) {
                        failures.add(who + ": the table refuses this role, expected 403 FORBIDDEN, got " + reply);
                    }
                }
                Reply anonymous = http.call(request(op, probe, world, null));
                calls++;
                row.put("no token", anonymous.status());
                String who = label + " without a token";
                wellFormed(who, anonymous, failures);
                if (entry.isPublic()) {
                    if (anonymous.status() == 401 || anonymous.status() == 403) {
                        failures.add(who + ": public, but refused: " + anonymous);
                    }
                } else if (anonymous.status() != 401 || !"UNAUTHENTICATED".equals(anonymous.code())) {
                    failures.add(who + ": expected 401 UNAUTHENTICATED, got " + anonymous);
                }
            }
        }
        StringBuilder table = new StringBuilder("access matrix (status by caller): " + seen.size() + " probes, "
                + calls + " calls\n");
        seen.forEach((op, row) -> table.append(String.format("  %-70s %s%n", op, row)));
        System.out.println(table);
        assertThat(failures).as("calls that disagree with design.md section 4").isEmpty();
    }

    /** A creator or trader who is not the party gets 404 for the other's work, trade, KYC, registration, listing. */
    @Test
    void resourcesOfOthersAnswer404LikeResourcesThatDoNotExist() {
        World world = world();
        RawHttp http = new RawHttp(base.toString());
        String dave = E2eFixtures.tokenFor("dave");
        String carol = E2eFixtures.tokenFor("carol");
        String json = "application/json";
        List<Object[]> cases = List.of(
                new Object[] {dave, "POST", "/api/v1/works/" + world.workId() + "/editions",
                        "{\"count\":1,\"issuePriceFen\":100}"},
                new Object[] {dave, "POST", "/api/v1/works/" + world.workId() + "/copyright", null},
                new Object[] {dave, "GET", "/api/v1/works/" + world.workId() + "/content", null},
                new Object[] {dave, "GET", "/api/v1/registrations/" + world.registrationId(), null},
                new Object[] {dave, "GET", "/api/v1/kyc/" + world.kycId(), null},
                new Object[] {carol, "GET", "/api/v1/kyc/" + world.kycId(), null},
                new Object[] {carol, "GET", "/api/v1/trades/" + world.tradeId(), null},
                new Object[] {dave, "GET", "/api/v1/trades/" + world.tradeId(), null},
                new Object[] {carol, "POST", "/api/v1/listings/" + world.spareListing() + "/cancel", "{}"});
        List<String> failures = new ArrayList<>();
        for (Object[] c : cases) {
            String body = (String) c[3];
            Reply r = http.call(new Request((String) c[1], (String) c[2], RawHttp.headers(
                    "Authorization", "Bearer " + c[0], "Content-Type", body == null ? null : json,
                    "Idempotency-Key", "matrix-" + UUID.randomUUID()),
                    body == null ? ("POST".equals(c[1]) ? new byte[0] : null) : body.getBytes(StandardCharsets.UTF_8)));
            if (r.status() != 404 || !r.isProblem()) {
                failures.add(c[1] + " " + c[2] + " as " + (c[0] == dave ? "dave" : "carol") + ": expected 404, got "
                        + r);
            }
        }
        assertThat(failures).isEmpty();
        // The same reads by the parties themselves succeed, so the 404s above are about whose they are.
        String alice = E2eFixtures.tokenFor("alice");
        given().auth().oauth2(alice).get("/api/v1/kyc/" + world.kycId()).then().statusCode(200);
        given().auth().oauth2(alice).get("/api/v1/trades/" + world.tradeId()).then().statusCode(200);
        given().auth().oauth2(E2eFixtures.tokenFor("bob")).get("/api/v1/trades/" + world.tradeId()).then()
                .statusCode(200);
    }

    private static void wellFormed(String who, Reply reply, List<String> failures) {
        if (reply.status() >= 500 || reply.status() < 0) {
            failures.add(who + ": server error " + reply);
        } else if (reply.status() >= 400 && (!reply.isProblem() || reply.code() == null)) {
            failures.add(who + ": a " + reply.status() + " that is not problem+json with a code: " + reply);
        }
    }

    private static Request request(Operation op, Probe probe, World world, String token) {
        String path = op.path();
        for (ApiOperations.Param p : op.in("path")) {
            path = path.replace("{" + p.name() + "}", value(op.path(), p.name(), world));
        }
        if (!probe.query().isEmpty()) {
            path += "?" + probe.query();
        }
        Map<String, String> headers = RawHttp.headers("Authorization", token == null ? null : "Bearer " + token);
        byte[] body = null;
        if (op.contentType() != null && op.contentType().startsWith("multipart/")) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = RawHttp.multipart(boundary, Map.of("title", "matrix".getBytes(StandardCharsets.UTF_8)), null, null);
        } else if (op.contentType() != null) {
            headers.put("Content-Type", "application/json");
            body = "{}".getBytes(StandardCharsets.UTF_8);
        } else if (!op.method().equals("get")) {
            body = new byte[0];
        }
        if (!op.method().equals("get")) {
            headers.put("Idempotency-Key", "matrix-" + UUID.randomUUID());
        }
        return new Request(op.method().toUpperCase(), path, headers, body);
    }

    /** A path parameter: the real resource of the world where the path names one, a dummy id otherwise. */
    static String value(String path, String param, World w) {
        if (param.equals("number")) {
            return "1";
        }
        if (param.equals("kind")) {
            return "trades";
        }
        if (path.startsWith("/api/v1/works/{") || path.startsWith("/api/v1/audit/proofs/")) {
            return w.workId();
        }
        if (path.startsWith("/api/v1/assets/{")) {
            return w.assetId();
        }
        if (path.startsWith("/api/v1/listings/{") && (param.equals("id") || param.equals("listingId"))) {
            return w.openListing();
        }
        if (path.equals("/api/v1/kyc/{id}")) {
            return w.kycId();
        }
        if (path.startsWith("/api/v1/trades/{")) {
            return w.tradeId();
        }
        if (path.equals("/api/v1/registrations/{id}")) {
            return w.registrationId();
        }
        return DUMMY;
    }

    /**
     * alice (approved creator) registers a work with three editions and lists two of them; bob (approved trader)
     * buys the first; a third listing is kept for the 404 test.
     */
    World world() {
        if (world == null) {
            world = newWorld();
        }
        return world;
    }

    private static World world;

    private World newWorld() {
        fixtures.board().rules(io.dcx.service.domain.board.BoardRules.defaults(250, 500, 5_000));
        fixtures.approved("alice", 0);
        fixtures.approved("bob", 5_000_000);
        fixtures.approved("carol", 0);
        String alice = E2eFixtures.tokenFor("alice");
        String bob = E2eFixtures.tokenFor("bob");
        byte[] bytes = ("access matrix " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String workId = given().auth().oauth2(alice).multiPart("file", "m.bin", bytes, "application/octet-stream")
                .multiPart("title", "access matrix " + E2eFixtures.unique()).multiPart("kind", "OTHER")
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        given().auth().oauth2(alice).contentType("application/json").body("{\"count\":3,\"issuePriceFen\":10000}")
                .post("/api/v1/works/" + workId + "/editions").then().statusCode(201);
        String sold = listing(alice, workId + "-1");
        String open = listing(alice, workId + "-2");
        String spare = listing(alice, workId + "-3");
        String trade = given().auth().oauth2(bob).header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                .post("/api/v1/listings/" + sold + "/purchase").then().statusCode(201).extract().path("id");
        String kyc = given().auth().oauth2(alice).get("/api/v1/kyc/me").then().statusCode(200)
                .extract().path("submission.id");
        // A registration held for review: dave registers a text, alice uploads the same text laid out otherwise.
        String text = chineseText(new java.util.Random(UUID.randomUUID().getMostSignificantBits()));
        given().auth().oauth2(E2eFixtures.tokenFor("dave"))
                .multiPart("file", "t.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("title", "matrix text " + E2eFixtures.unique()).multiPart("kind", "TEXT")
                .post("/api/v1/works").then().statusCode(201);
        String copy = "转载\r\n\r\n" + text.replace("\n", "\r\n  ").replace('，', ',');
        String registration = given().auth().oauth2(alice)
                .multiPart("file", "t.txt", copy.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("title", "matrix copy " + E2eFixtures.unique()).multiPart("kind", "TEXT")
                .post("/api/v1/works").then().statusCode(202).extract().path("id");
        return new World(workId, workId + "-1", sold, open, spare, trade, kyc, registration);
    }

    private static String chineseText(java.util.Random random) {
        String chars = "春江潮水连海平明月共生滟滟随波千万里何处无光流宛转绕芳甸花林皆似霰空里霜飞不觉汀上白沙看见天一色纤尘皎皎"
                + "中孤轮畔人初照年人生代穷已只相望但送长水白云去悠扁舟子楼思谁家今夜可怜徘徊应离妆镜台玉户帘卷捣衣砧拂还来";
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 80; sentence++) {
            for (int i = 0; i < 7; i++) {
                text.append(chars.charAt(random.nextInt(chars.length())));
            }
            text.append(sentence % 2 == 0 ? '，' : '。');
            if (sentence % 4 == 3) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String listing(String token, String assetId) {
        return given().auth().oauth2(token).contentType("application/json")
                .header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                .body("{\"assetId\":\"" + assetId + "\",\"type\":\"FIXED_PRICE\",\"priceFen\":10000,"
                        + "\"disclosure\":\"Edition for the access matrix.\"}")
                .post("/api/v1/listings").then().statusCode(201).extract().path("id");
    }
}
