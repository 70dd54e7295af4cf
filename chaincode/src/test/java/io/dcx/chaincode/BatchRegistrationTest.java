package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGISTRAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchRegistrationTest {
    private final TestChain chain = new TestChain();

    private static String batch(final JsonNode... works) {
        final ObjectNode b = Result.JACKSON.createObjectNode();
        final ArrayNode items = b.putArray("works");
        for (final JsonNode w : works) {
            items.add(w);
        }
        return b.toString();
    }

    private Result submit(final String batchJson) {
        return chain.submit(COPYRIGHT, "works:RegisterWorks", batchJson);
    }

    @Test
    void registersEveryWorkInInputOrderWithOneEvent() {
        final Result result = submit(batch(Fixtures.work("wk_b"), Fixtures.work("wk_a"), Fixtures.work("wk_c")));
        final JsonNode results = result.ok().path("results");

        assertThat(results).hasSize(3);
        assertThat(WorkRegistrationTest.ids(results)).containsExactly("wk_b", "wk_a", "wk_c");
        for (final JsonNode r : results) {
            assertThat(r.path("ok").asBoolean()).isTrue();
            assertThat(r.path("work").path("id").asText()).isEqualTo(r.path("id").asText());
            assertThat(r.path("work").path("txId").asText()).isEqualTo(result.txId);
            assertThat(r.path("work").path("registeredAt").asText()).isEqualTo(result.timestamp.toString());
        }
        final JsonNode event = result.event("WorksRegistered");
        assertThat(WorkRegistrationTest.ids(event.path("works"))).containsExactly("wk_b", "wk_a", "wk_c");
        assertThat(event.path("works").get(1)).isEqualTo(results.get(1).path("work"));

        for (final String id : List.of("wk_a", "wk_b", "wk_c")) {
            assertThat(chain.evaluate(EXCHANGE, "works:GetWork", id).ok().path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void oneBadWorkDoesNotFailTheOthers() {
        chain.submit(COPYRIGHT, "works:RegisterWork", Fixtures.work("wk_old").toString()).ok();
        final ObjectNode badTitle = Fixtures.work("wk_2");
        badTitle.put("title", "");
        final ObjectNode knownContent = Fixtures.work("wk_3");
        knownContent.put("contentHash", Fixtures.sha256("content of wk_old"));
        final ObjectNode orphan = Fixtures.work("wk_4");
        orphan.putArray("parents").add("wk_missing");

        final Result result = submit(batch(Fixtures.work("wk_1"), badTitle, knownContent, orphan,
                Fixtures.work("wk_old"), Fixtures.work("wk_5")));
        final JsonNode results = result.ok().path("results");

        assertThat(results).hasSize(6);
        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertFailed(results.get(1), "wk_2", ErrorCode.INVALID_ARGUMENT);
        assertThat(results.get(1).path("message").asText()).contains("works[1].title");
        assertFailed(results.get(2), "wk_3", ErrorCode.DUPLICATE_CONTENT_HASH);
        assertThat(results.get(2).path("message").asText()).contains("wk_old");
        assertFailed(results.get(3), "wk_4", ErrorCode.PARENT_NOT_FOUND);
        assertFailed(results.get(4), "wk_old", ErrorCode.WORK_EXISTS);
        assertThat(results.get(5).path("ok").asBoolean()).isTrue();

        assertThat(WorkRegistrationTest.ids(result.event("WorksRegistered").path("works")))
                .containsExactly("wk_1", "wk_5");
        chain.evaluate(EXCHANGE, "works:GetWork", "wk_2").refused(ErrorCode.WORK_NOT_FOUND);
        chain.evaluate(EXCHANGE, "works:GetWork", "wk_3").refused(ErrorCode.WORK_NOT_FOUND);
        assertThat(result.writes.keySet()).noneMatch(k -> k.contains("wk_2") || k.contains("wk_3")
                || k.contains("wk_4"));
    }

    @Test
    void aSecondUseOfAnIdWithinTheBatchIsRefused() {
        final ObjectNode again = Fixtures.work("wk_1");
        again.put("contentHash", Fixtures.sha256("different content"));
        final JsonNode results = submit(batch(Fixtures.work("wk_1"), again)).ok().path("results");
        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertFailed(results.get(1), "wk_1", ErrorCode.WORK_EXISTS);
        assertThat(chain.evaluate(EXCHANGE, "works:GetWork", "wk_1").ok().path("contentHash").asText())
                .isEqualTo(Fixtures.sha256("content of wk_1"));
    }

    @Test
    void aSecondUseOfAContentHashWithinTheBatchIsRefusedNamingTheFirst() {
        final ObjectNode copy = Fixtures.work("wk_2");
        copy.put("contentHash", Fixtures.sha256("content of wk_1"));
        final Result result = submit(batch(Fixtures.work("wk_1"), copy));
        final JsonNode results = result.ok().path("results");
        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertFailed(results.get(1), "wk_2", ErrorCode.DUPLICATE_CONTENT_HASH);
        assertThat(results.get(1).path("message").asText()).contains("wk_1");
        assertThat(result.writes.get(new CompositeKey("workHash", Fixtures.sha256("content of wk_1")).toString()))
                .asString().isEqualTo("wk_1");
    }

    @Test
    void anIdOfAFailedItemIsFreeForALaterItem() {
        final ObjectNode broken = Fixtures.work("wk_1");
        broken.put("kind", "NOPE");
        final JsonNode results = submit(batch(broken, Fixtures.work("wk_1"))).ok().path("results");
        assertFailed(results.get(0), "wk_1", ErrorCode.INVALID_ARGUMENT);
        assertThat(results.get(1).path("ok").asBoolean()).isTrue();
    }

    @Test
    void parentsMayBeEarlierItemsOfTheBatchButNotLaterOnes() {
        final ObjectNode child = Fixtures.work("wk_child");
        child.putArray("parents").add("wk_parent");
        final ObjectNode early = Fixtures.work("wk_early");
        early.putArray("parents").add("wk_late");
        final JsonNode results = submit(batch(Fixtures.work("wk_parent"), child, early, Fixtures.work("wk_late")))
                .ok().path("results");
        assertThat(results.get(1).path("ok").asBoolean()).isTrue();
        assertThat(results.get(1).path("work").path("parents").get(0).asText()).isEqualTo("wk_parent");
        assertFailed(results.get(2), "wk_early", ErrorCode.PARENT_NOT_FOUND);
        assertThat(results.get(3).path("ok").asBoolean()).isTrue();
    }

    @Test
    void anItemThatIsNotAnObjectFailsAlone() {
        final ObjectNode b = Result.JACKSON.createObjectNode();
        b.putArray("works").add("wk_1").add(Fixtures.work("wk_2")).addNull();
        final JsonNode results = submit(b.toString()).ok().path("results");
        assertThat(results.get(0).path("id").isNull()).isTrue();
        assertThat(results.get(0).path("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(results.get(1).path("ok").asBoolean()).isTrue();
        assertThat(results.get(2).path("code").asText()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void whenEveryItemFailsNothingIsWrittenAndNoEventIsSent() {
        final Result result = submit(batch(Result.JACKSON.createObjectNode().put("id", "wk_1")));
        assertFailed(result.ok().path("results").get(0), "wk_1", ErrorCode.INVALID_ARGUMENT);
        result.noWrites();
        result.noEvent();
    }

    @Test
    void acceptsFiveHundredWorksAndRefusesMore() {
        final JsonNode[] works = new JsonNode[501];
        for (int i = 0; i < works.length; i++) {
            works[i] = Fixtures.work("wk_" + i);
        }
        submit(batch(works)).refused(ErrorCode.INVALID_ARGUMENT);
        final JsonNode[] five = java.util.Arrays.copyOf(works, 500);
        final Result result = submit(batch(five));
        assertThat(result.ok().path("results")).hasSize(500);
        assertThat(result.event("WorksRegistered").path("works")).hasSize(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}", "{\"works\":[]}", "{\"works\":{}}", "{\"works\":\"wk_1\"}",
        "{\"works\":[{}", "{\"works\":null}"})
    void aMalformedBatchIsAnInvalidArgument(final String json) {
        submit(json).refused(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void theExchangeMayRegisterOnlyAsRegistrar() {
        chain.submit(EXCHANGE, "works:RegisterWorks", batch(Fixtures.work("wk_1"))).refused(ErrorCode.ACCESS_DENIED);
        assertThat(chain.submit(REGISTRAR, "works:RegisterWorks", batch(Fixtures.work("wk_1"))).ok()
                .path("results").get(0).path("ok").asBoolean()).isTrue();
    }

    private static void assertFailed(final JsonNode result, final String id, final ErrorCode code) {
        assertThat(result.path("id").asText()).isEqualTo(id);
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("code").asText()).isEqualTo(code.name());
        assertThat(result.path("message").asText()).isNotBlank().doesNotStartWith(code.name());
        assertThat(result.has("work")).isFalse();
    }
}
