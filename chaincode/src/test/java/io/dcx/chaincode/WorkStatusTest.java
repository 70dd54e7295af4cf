package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkStatusTest {
    private final TestChain chain = new TestChain();
    private JsonNode registered;

    @BeforeEach
    void registerAWork() {
        registered = chain.submit(COPYRIGHT, "works:RegisterWork", Fixtures.work("wk_1").toString()).ok();
    }

    @Test
    void changesTheStatusWithReasonTimeAndEvent() {
        final Result result = chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "DISPUTED", "claim #17");
        final JsonNode work = result.ok();
        assertThat(work.path("status").asText()).isEqualTo("DISPUTED");
        assertThat(work.path("statusReason").asText()).isEqualTo("claim #17");
        assertThat(work.path("lastAction").asText()).isEqualTo("STATUS_CHANGED");
        assertThat(work.path("lastTxId").asText()).isEqualTo(result.txId);
        assertThat(work.path("updatedAt").asText()).isEqualTo(result.timestamp.toString());
        assertThat(work.path("txId").asText()).as("the registering tx stays").isEqualTo(registered.path("txId").asText());
        assertThat(work.path("registeredAt")).isEqualTo(registered.path("registeredAt"));
        assertThat(result.event("WorkStatusChanged")).isEqualTo(work);
        assertThat(chain.evaluate(REGULATOR, "works:GetWork", "wk_1").ok()).isEqualTo(work);
    }

    @Test
    void theCopyrightAuthorityMayChangeTheStatusToo() {
        assertThat(chain.submit(COPYRIGHT, "works:SetWorkStatus", "wk_1", "FROZEN", "court order").ok()
                .path("status").asText()).isEqualTo("FROZEN");
        assertThat(chain.submit(COPYRIGHT, "works:SetWorkStatus", "wk_1", "ACTIVE", "lifted").ok()
                .path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void settingTheCurrentStatusAgainIsANoOp() {
        final Result result = chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "ACTIVE", "still fine");
        assertThat(result.ok()).isEqualTo(registered);
        result.noWrites();
        result.noEvent();
    }

    @Test
    void revocationIsFinal() {
        chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "REVOKED", "fraud").ok();
        for (final String status : List.of("ACTIVE", "DISPUTED", "FROZEN")) {
            chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", status, "undo").refused(ErrorCode.WORK_REVOKED);
        }
        final Result again = chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "REVOKED", "again");
        assertThat(again.ok().path("status").asText()).isEqualTo("REVOKED");
        again.noWrites();
    }

    @Test
    void refusesBadArguments() {
        chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "active", "r").refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "DELETED", "r").refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "FROZEN", "").refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "FROZEN", "x".repeat(1001))
                .refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "works:SetWorkStatus", "wk 1", "FROZEN", "r").refused(ErrorCode.INVALID_ARGUMENT);
        chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_2", "FROZEN", "r").refused(ErrorCode.WORK_NOT_FOUND);
    }

    @Test
    void historyIsOldestFirstWithActionsTxIdsAndValues() {
        final Result disputed = chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "DISPUTED", "claim");
        disputed.ok();
        final Result active = chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "ACTIVE", "resolved");
        active.ok();
        final Result revoked = chain.submit(COPYRIGHT, "works:SetWorkStatus", "wk_1", "REVOKED", "fraud");
        revoked.ok();

        final JsonNode history = chain.evaluate(REGULATOR, "works:GetWorkHistory", "wk_1").ok();
        assertThat(history).hasSize(4);
        final List<String> actions = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<String> txIds = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (final JsonNode entry : history) {
            actions.add(entry.path("action").asText());
            statuses.add(entry.path("value").path("status").asText());
            txIds.add(entry.path("txId").asText());
            assertThat(entry.path("deleted").asBoolean()).isFalse();
            final Instant at = Instant.parse(entry.path("timestamp").asText());
            assertThat(at).isAfter(previous);
            previous = at;
        }
        assertThat(actions).containsExactly("REGISTERED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED");
        assertThat(statuses).containsExactly("ACTIVE", "DISPUTED", "ACTIVE", "REVOKED");
        assertThat(txIds).containsExactly(registered.path("txId").asText(), disputed.txId, active.txId,
                revoked.txId);
        assertThat(history.get(0).path("timestamp").asText()).isEqualTo(registered.path("registeredAt").asText());
        assertThat(history.get(0).path("value")).isEqualTo(registered);

        chain.evaluate(REGULATOR, "works:GetWorkHistory", "wk_2").refused(ErrorCode.WORK_NOT_FOUND);
        chain.evaluate(REGULATOR, "works:GetWorkHistory", "wk/2").refused(ErrorCode.INVALID_ARGUMENT);
    }
}
