package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkRegistrationTest {
    private final TestChain chain = new TestChain();

    private Result register(final ObjectNode work) {
        return chain.submit(COPYRIGHT, "works:RegisterWork", work.toString());
    }

    @Test
    void registersAWorkWithTheTransactionTimeAndEmitsWorkRegistered() {
        final ObjectNode input = Fixtures.work("wk_1", "acc_alice", "acc_bob");
        input.put("metadataHash", Fixtures.sha256("meta"));
        final Result result = register(input);

        final JsonNode work = result.ok();
        assertThat(work.path("id").asText()).isEqualTo("wk_1");
        assertThat(work.path("contentHash").asText()).isEqualTo(input.path("contentHash").asText());
        assertThat(work.path("title").asText()).isEqualTo("Title of wk_1");
        assertThat(work.path("kind").asText()).isEqualTo("IMAGE");
        assertThat(work.path("creators")).hasSize(2);
        assertThat(work.path("creators").get(0).path("accountId").asText()).isEqualTo("acc_alice");
        assertThat(work.path("creators").get(0).path("shareBps").asInt()).isEqualTo(5000);
        assertThat(work.path("metadataHash").asText()).isEqualTo(Fixtures.sha256("meta"));
        assertThat(work.path("parents")).isEmpty();
        assertThat(work.path("registrant").asText()).isEqualTo("acc_alice");
        assertThat(work.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(work.path("statusReason").isNull()).isTrue();
        assertThat(work.path("registeredAt").asText()).isEqualTo(result.timestamp.toString());
        assertThat(work.path("txId").asText()).isEqualTo(result.txId);
        assertThat(work.path("lastAction").asText()).isEqualTo("REGISTERED");
        assertThat(work.path("lastTxId").asText()).isEqualTo(result.txId);
        assertThat(work.path("updatedAt").asText()).isEqualTo(result.timestamp.toString());

        assertThat(result.event("WorkRegistered")).isEqualTo(work);
        assertThat(chain.evaluate(EXCHANGE, "works:GetWork", "wk_1").okText()).isEqualTo(result.okText());
    }

    @Test
    void storedWorkHasTheDocumentedMembersInTheDocumentedOrder() {
        final JsonNode work = register(Fixtures.work("wk_1")).ok();
        final List<String> names = new ArrayList<>();
        work.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "contentHash", "fingerprint", "fingerprintKind", "title", "kind",
                "creators", "metadataHash", "parents", "registrant", "status", "statusReason", "registeredAt",
                "txId", "lastAction", "lastTxId", "updatedAt");
    }

    @Test
    void writesTheWorkTheHashIndexAndOneCreatorIndexPerCreator() {
        final Result result = register(Fixtures.work("wk_1", "acc_alice", "acc_bob"));
        result.ok();
        assertThat(result.writes.keySet()).containsExactlyInAnyOrder(
                new CompositeKey("work", "wk_1").toString(),
                new CompositeKey("workHash", Fixtures.sha256("content of wk_1")).toString(),
                new CompositeKey("creatorWork", "acc_alice", "wk_1").toString(),
                new CompositeKey("creatorWork", "acc_bob", "wk_1").toString());
        assertThat(result.writes.get(new CompositeKey("workHash", Fixtures.sha256("content of wk_1")).toString()))
                .isEqualTo("wk_1".getBytes(StandardCharsets.UTF_8));
        assertThat(result.writes.get(new CompositeKey("creatorWork", "acc_bob", "wk_1").toString()))
                .containsExactly(0);
    }

    @Test
    void findsAWorkByContentHash() {
        final String json = register(Fixtures.work("wk_1")).okText();
        assertThat(chain.evaluate(REGULATOR, "works:FindWorkByContentHash", Fixtures.sha256("content of wk_1"))
                .okText()).isEqualTo(json);
        chain.evaluate(EXCHANGE, "works:FindWorkByContentHash", Fixtures.sha256("other"))
                .refused(ErrorCode.WORK_NOT_FOUND);
        chain.evaluate(EXCHANGE, "works:FindWorkByContentHash", "ABC").refused(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void getWorkRefusesUnknownAndMalformedIds() {
        chain.evaluate(EXCHANGE, "works:GetWork", "wk_missing").refused(ErrorCode.WORK_NOT_FOUND);
        chain.evaluate(EXCHANGE, "works:GetWork", "bad id").refused(ErrorCode.INVALID_ARGUMENT);
        chain.evaluate(EXCHANGE, "works:GetWork", "").refused(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void listsWorksByCreatorInIdOrderWithoutMixingPrefixes() {
        register(Fixtures.work("wk_b", "acc_1", "acc_10")).ok();
        register(Fixtures.work("wk_a", "acc_1")).ok();
        register(Fixtures.work("wk_c", "acc_10")).ok();

        assertThat(ids(chain.evaluate(REGULATOR, "works:ListWorksByCreator", "acc_1").ok()))
                .containsExactly("wk_a", "wk_b");
        assertThat(ids(chain.evaluate(REGULATOR, "works:ListWorksByCreator", "acc_10").ok()))
                .containsExactly("wk_b", "wk_c");
        assertThat(chain.evaluate(REGULATOR, "works:ListWorksByCreator", "acc_nobody").ok()).isEmpty();
        chain.evaluate(REGULATOR, "works:ListWorksByCreator", "acc 1").refused(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void refusesASecondWorkWithTheSameContentHashNamingTheFirst() {
        register(Fixtures.work("wk_1")).ok();
        final ObjectNode copy = Fixtures.work("wk_2");
        copy.put("contentHash", Fixtures.sha256("content of wk_1"));
        final Result refused = register(copy).refused(ErrorCode.DUPLICATE_CONTENT_HASH);
        assertThat(refused.detail()).contains("wk_1");
    }

    @Test
    void refusesAnIdInUse() {
        register(Fixtures.work("wk_1")).ok();
        final ObjectNode again = Fixtures.work("wk_1");
        again.put("contentHash", Fixtures.sha256("something else"));
        register(again).refused(ErrorCode.WORK_EXISTS);
    }

    @Test
    void parentsMustExist() {
        register(Fixtures.work("wk_parent")).ok();
        final ObjectNode child = Fixtures.work("wk_child");
        child.putArray("parents").add("wk_parent");
        assertThat(register(child).ok().path("parents").get(0).asText()).isEqualTo("wk_parent");

        final ObjectNode orphan = Fixtures.work("wk_orphan");
        orphan.putArray("parents").add("wk_parent").add("wk_missing");
        assertThat(register(orphan).refused(ErrorCode.PARENT_NOT_FOUND).detail()).contains("wk_missing");
    }

    @Test
    void acceptsTheLimits() {
        final ObjectNode w = Fixtures.work("x".repeat(64));
        w.put("title", "题".repeat(200));
        final String[] creators = new String[20];
        for (int i = 0; i < 20; i++) {
            creators[i] = "acc_" + i;
        }
        w.set("creators", Fixtures.work("tmp", creators).get("creators"));
        w.put("fingerprintKind", "image-dct64");
        w.put("fingerprint", "f0e1d2c3b4a59687");
        assertThat(register(w).ok().path("creators")).hasSize(20);
    }

    @Test
    void optionalMembersTakeTheirDefaults() {
        final ObjectNode w = Fixtures.work("wk_1");
        w.remove(List.of("fingerprint", "fingerprintKind", "metadataHash", "parents"));
        final JsonNode work = register(w).ok();
        assertThat(work.path("fingerprint").asText()).isEmpty();
        assertThat(work.path("fingerprintKind").asText()).isEqualTo("none");
        assertThat(work.path("metadataHash").asText()).isEmpty();
        assertThat(work.path("parents")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{", "[]", "[{}]", "\"a string\"", "42", "null",
        "{\"id\":\"wk_1\"} trailing", "{'id':'wk_1'}", "{id:\"wk_1\"}", "{\"id\":\"wk_1\",\"id\":\"wk_2\"}",
        "{\"id\":\"wk_1\",}", "{}"})
    void malformedJsonIsAnInvalidArgument(final String json) {
        chain.submit(COPYRIGHT, "works:RegisterWork", json).refused(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void deeplyNestedJsonIsAnInvalidArgument() {
        final String deep = "{\"id\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        chain.submit(COPYRIGHT, "works:RegisterWork", deep).refused(ErrorCode.INVALID_ARGUMENT);
    }

    static Stream<Arguments> invalidWorks() {
        return Stream.of(
                bad("id missing", w -> w.remove("id")),
                bad("id not a string", w -> w.put("id", 7)),
                bad("id with a space", w -> w.put("id", "wk 1")),
                bad("id too long", w -> w.put("id", "x".repeat(65))),
                bad("id empty", w -> w.put("id", "")),
                bad("id with a NUL", w -> w.put("id", "wk\u00001")),
                bad("hash upper case", w -> w.put("contentHash", Fixtures.sha256("a").toUpperCase())),
                bad("hash short", w -> w.put("contentHash", Fixtures.sha256("a").substring(1))),
                bad("hash missing", w -> w.remove("contentHash")),
                bad("hash null", w -> w.putNull("contentHash")),
                bad("fingerprint kind unknown", w -> w.put("fingerprintKind", "audio-chroma")),
                bad("fingerprint with kind none", w -> w.put("fingerprint", "abcd")),
                bad("no fingerprint for image-dct64", w -> w.put("fingerprintKind", "image-dct64")),
                bad("fingerprint with a space", w -> w.put("fingerprintKind", "text-simhash64")
                        .put("fingerprint", "ab cd")),
                bad("title missing", w -> w.remove("title")),
                bad("title blank", w -> w.put("title", "   ")),
                bad("title too long", w -> w.put("title", "t".repeat(201))),
                bad("title with a newline", w -> w.put("title", "two\nlines")),
                bad("title not a string", w -> w.put("title", true)),
                bad("kind unknown", w -> w.put("kind", "SCULPTURE")),
                bad("kind lower case", w -> w.put("kind", "image")),
                bad("creators missing", w -> w.remove("creators")),
                bad("creators not an array", w -> w.put("creators", "acc_alice")),
                bad("creators empty", w -> w.putArray("creators")),
                bad("21 creators", w -> {
                    final String[] many = new String[21];
                    for (int i = 0; i < 21; i++) {
                        many[i] = "acc_" + i;
                    }
                    w.set("creators", Fixtures.work("tmp", many).get("creators"));
                }),
                bad("creator not an object", w -> w.putArray("creators").add("acc_alice")),
                bad("share zero", w -> w.putArray("creators")
                        .add(creator("acc_a", 0)).add(creator("acc_b", 10_000))),
                bad("share above 10000", w -> w.putArray("creators").add(creator("acc_a", 10_001))),
                bad("shares add to 9999", w -> w.putArray("creators")
                        .add(creator("acc_a", 5000)).add(creator("acc_b", 4999))),
                bad("shares add to 10001", w -> w.putArray("creators")
                        .add(creator("acc_a", 5000)).add(creator("acc_b", 5001))),
                bad("share as text", w -> w.putArray("creators").addObject()
                        .put("accountId", "acc_a").put("shareBps", "10000")),
                bad("share with a fraction", w -> w.putArray("creators").addObject()
                        .put("accountId", "acc_a").put("shareBps", 10000.5)),
                bad("share missing", w -> w.putArray("creators").addObject().put("accountId", "acc_a")),
                bad("creator account invalid", w -> w.putArray("creators").add(creator("acc a", 10_000))),
                bad("creator twice", w -> w.putArray("creators")
                        .add(creator("acc_a", 5000)).add(creator("acc_a", 5000))),
                bad("metadata hash invalid", w -> w.put("metadataHash", "xyz")),
                bad("parents not an array", w -> w.put("parents", "wk_0")),
                bad("parent not a string", w -> w.putArray("parents").add(3)),
                bad("parent id invalid", w -> w.putArray("parents").add("wk 0")),
                bad("parent twice", w -> w.putArray("parents").add("wk_0").add("wk_0")),
                bad("own parent", w -> w.putArray("parents").add(w.path("id").asText())),
                bad("registrant missing", w -> w.remove("registrant")),
                bad("registrant invalid", w -> w.put("registrant", "acc/1")));
    }

    private static ObjectNode creator(final String account, final int share) {
        return Result.JACKSON.createObjectNode().put("accountId", account).put("shareBps", share);
    }

    private static Arguments bad(final String name, final Consumer<ObjectNode> breaker) {
        return Arguments.of(name, breaker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidWorks")
    void invalidMembersAreInvalidArguments(final String name, final Consumer<ObjectNode> breaker) {
        final ObjectNode w = Fixtures.work("wk_1");
        breaker.accept(w);
        register(w).refused(ErrorCode.INVALID_ARGUMENT);
    }

    static List<String> ids(final JsonNode array) {
        final List<String> ids = new ArrayList<>();
        for (final Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            ids.add(it.next().path("id").asText());
        }
        return ids;
    }
}
