package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesMembersInInsertionOrderWithoutSpaces() {
        final String json = Json.object().put("z", 1).put("a", "x").put("m", null).put("b", true)
                .put("l", 9_007_199_254_740_993L).put("arr", List.of(1, "two", Json.object())).toString();
        assertThat(json).isEqualTo("{\"z\":1,\"a\":\"x\",\"m\":null,\"b\":true,\"l\":9007199254740993,"
                + "\"arr\":[1,\"two\",{}]}");
    }

    @Test
    void escapesStringsSoJacksonReadsThemBack() {
        final String nasty = "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u0007 nul \u0000 "
                + "unit \u001f del \u007f 中文 é 🎨 \u2028";
        final JsonNode parsed = Result.parse(Json.object().put(nasty, nasty).toString());
        assertThat(parsed.path(nasty).asText()).isEqualTo(nasty);
        assertThat(Json.object().put("s", "\u0001").toString()).isEqualTo("{\"s\":\"\\u0001\"}");
    }

    @Test
    void embedsRawJsonAsIs() {
        assertThat(Json.array(List.of(Json.raw("{\"a\":1}"), Json.raw("[]")))).isEqualTo("[{\"a\":1},[]]");
    }

    @Test
    void refusesValuesItCannotWrite() {
        assertThatThrownBy(() -> Json.object().put("d", 1.5).toString()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTypedMembersAndNamesTheFailingPath() {
        final Json.JsonFields in = Json.parseObject(
                "{\"s\":\"x\",\"n\":5,\"big\":12345678901,\"b\":false,\"o\":{\"k\":[1]},\"nul\":null}", "arg");
        assertThat(in.string("s")).isEqualTo("x");
        assertThat(in.integer("n", 0, 10)).isEqualTo(5);
        assertThat(in.integer("big", 0, Long.MAX_VALUE)).isEqualTo(12_345_678_901L);
        assertThat(in.bool("b")).isFalse();
        assertThat(in.optionalString("nul", "dflt")).isEqualTo("dflt");
        assertThat(in.optionalInteger("missing", 0, 1, 7L)).isEqualTo(7L);
        assertThatThrownBy(() -> in.object("o").strings("k", 0, 5))
                .isInstanceOf(DcxChaincodeException.class).hasMessage("INVALID_ARGUMENT: o.k[0] must be a string");
        assertThatThrownBy(() -> in.integer("n", 6, 10))
                .hasMessage("INVALID_ARGUMENT: n must be between 6 and 10, was 5");
        assertThatThrownBy(() -> in.string("n")).hasMessage("INVALID_ARGUMENT: n must be a string");
        assertThatThrownBy(() -> in.bool("s")).hasMessage("INVALID_ARGUMENT: s must be true or false");
        assertThatThrownBy(() -> in.string("nul")).hasMessage("INVALID_ARGUMENT: nul is required");
    }

    @Test
    void refusalsCarryTheCodeAsPayload() {
        final DcxChaincodeException e = ErrorCode.HOLDING_PERIOD.exception("wait");
        assertThat(e.getMessage()).isEqualTo("HOLDING_PERIOD: wait");
        assertThat(e.getPayload()).isEqualTo("HOLDING_PERIOD".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(e.code()).isEqualTo(ErrorCode.HOLDING_PERIOD);
        assertThat(e.detail()).isEqualTo("wait");
    }

    @Test
    void textRoundTripsThroughTheLedgerExactly() {
        final TestChain chain = new TestChain();
        final ObjectNode work = Fixtures.work("wk_1");
        final String title = "\"Sunrise\" \\ 日出 ☀️ 🎨 ü";
        work.put("title", title);
        chain.submit(COPYRIGHT, "works:RegisterWork", work.toString()).ok();
        assertThat(chain.evaluate(EXCHANGE, "works:GetWork", "wk_1").ok().path("title").asText()).isEqualTo(title);

        final ObjectNode emoji = Fixtures.work("wk_2");
        emoji.put("title", "🎨".repeat(200));
        chain.submit(COPYRIGHT, "works:RegisterWork", emoji.toString()).ok();
        emoji.put("id", "wk_3").put("title", "🎨".repeat(201));
        chain.submit(COPYRIGHT, "works:RegisterWork", emoji.toString()).refused(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void everyStoredValueIsByteIdenticalWhenRebuiltFromItself() {
        final TestChain chain = new TestChain();
        chain.submit(COPYRIGHT, "works:RegisterWork", Fixtures.work("wk_1").toString()).ok();
        final List<String> values = new ArrayList<>();
        chain.ledger.snapshot().forEach((k, v) -> {
            if (k.contains("\u0000work\u0000")) {
                values.add(new String(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        assertThat(values).hasSize(1);
        final Work work = Work.fromStored(values.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(work.toJson().toString()).isEqualTo(values.get(0));
    }
}
