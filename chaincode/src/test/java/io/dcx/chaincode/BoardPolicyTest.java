package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoardPolicyTest {
    private final TestChain chain = new TestChain();

    @Test
    void answersTheDefaultsWhileNoPolicyIsStored() {
        final JsonNode policy = chain.evaluate(REGULATOR, "policy:GetBoardPolicy").ok();
        final List<String> names = new ArrayList<>();
        policy.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("holdingPeriodSeconds", "dailyTransferCapPerAsset",
                "dailyTransferCapPerAccount", "updatedAt", "txId");
        assertThat(policy.path("holdingPeriodSeconds").asLong()).isEqualTo(180L * 86_400);
        assertThat(policy.path("dailyTransferCapPerAsset").asInt()).isEqualTo(1);
        assertThat(policy.path("dailyTransferCapPerAccount").asInt()).isEqualTo(20);
        assertThat(policy.path("updatedAt").isNull()).isTrue();
        assertThat(policy.path("txId").isNull()).isTrue();
    }

    @Test
    void storesAPolicyAndEmitsBoardPolicyChanged() {
        final Result result = chain.submit(EXCHANGE, "policy:SetBoardPolicy",
                "{\"holdingPeriodSeconds\":86400,\"dailyTransferCapPerAsset\":3,\"dailyTransferCapPerAccount\":50}");
        final JsonNode policy = result.ok();
        assertThat(policy.path("holdingPeriodSeconds").asLong()).isEqualTo(86_400);
        assertThat(policy.path("dailyTransferCapPerAsset").asInt()).isEqualTo(3);
        assertThat(policy.path("dailyTransferCapPerAccount").asInt()).isEqualTo(50);
        assertThat(policy.path("updatedAt").asText()).isEqualTo(result.timestamp.toString());
        assertThat(policy.path("txId").asText()).isEqualTo(result.txId);
        assertThat(result.event("BoardPolicyChanged")).isEqualTo(policy);
        assertThat(chain.evaluate(REGULATOR, "policy:GetBoardPolicy").ok()).isEqualTo(policy);
    }

    @Test
    void membersLeftOutTakeTheirDefaults() {
        chain.submit(EXCHANGE, "policy:SetBoardPolicy", "{\"dailyTransferCapPerAsset\":9}").ok();
        final JsonNode policy = chain.submit(EXCHANGE, "policy:SetBoardPolicy", "{\"holdingPeriodSeconds\":0}").ok();
        assertThat(policy.path("holdingPeriodSeconds").asLong()).isZero();
        assertThat(policy.path("dailyTransferCapPerAsset").asInt()).isEqualTo(1);
        assertThat(policy.path("dailyTransferCapPerAccount").asInt()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{\"holdingPeriodSeconds\":-1}", "{\"holdingPeriodSeconds\":1.5}",
        "{\"holdingPeriodSeconds\":\"86400\"}", "{\"holdingPeriodSeconds\":316224001}",
        "{\"dailyTransferCapPerAsset\":-1}", "{\"dailyTransferCapPerAccount\":1000001}",
        "{\"dailyTransferCapPerAccount\":true}", "{\"dailyTransferCapPerAsset\":1,}"})
    void refusesInvalidPolicies(final String json) {
        chain.submit(EXCHANGE, "policy:SetBoardPolicy", json).refused(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void onlyTheExchangeSetsThePolicy() {
        chain.submit(COPYRIGHT, "policy:SetBoardPolicy", "{}").refused(ErrorCode.ACCESS_DENIED);
        chain.submit(REGULATOR, "policy:SetBoardPolicy", "{}").refused(ErrorCode.READ_ONLY_IDENTITY);
        chain.submit(EXCHANGE, "policy:SetBoardPolicy", "{}").ok();
    }
}
