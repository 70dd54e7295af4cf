package io.dcx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.junit.jupiter.api.Test;

/** The test stub itself behaves as Fabric does where the contract relies on it. */
class InMemoryStubTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private InMemoryStub stub(final String txId, final Instant at, final TestIdentity who) {
        return new InMemoryStub(ledger, txId, at, who.serialized(), List.of("works:GetWork", "x"));
    }

    private static byte[] utf8(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsNeverSeeTheTransactionsOwnWrites() {
        final InMemoryStub tx = stub("t1", T0, TestIdentity.EXCHANGE);
        tx.putState("k", utf8("v"));
        assertThat(tx.getState("k")).isEmpty();
        ledger.commit("t1", T0, tx.writes(), null, null);
        assertThat(stub("t2", T0, TestIdentity.EXCHANGE).getState("k")).isEqualTo(utf8("v"));
    }

    @Test
    void partialCompositeKeyQueriesRunInByteOrderOverCommittedKeysOnly() {
        final InMemoryStub tx = stub("t1", T0, TestIdentity.EXCHANGE);
        for (final String account : List.of("acc_10", "acc_1", "acc_1x", "acc_2")) {
            tx.putState(tx.createCompositeKey("creatorWork", account, "wk_b").toString(), new byte[] {0});
            tx.putState(tx.createCompositeKey("creatorWork", account, "wk_a").toString(), new byte[] {0});
        }
        tx.putState(tx.createCompositeKey("creatorWorkX", "acc_1", "wk_z").toString(), new byte[] {0});
        ledger.commit("t1", T0, tx.writes(), null, null);

        final InMemoryStub reader = stub("t2", T0, TestIdentity.EXCHANGE);
        final List<String> found = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> it = reader.getStateByPartialCompositeKey("creatorWork", "acc_1")) {
            it.forEach(kv -> found.add(String.join("/", reader.splitCompositeKey(kv.getKey()).getAttributes())));
        }
        assertThat(found).containsExactly("acc_1/wk_a", "acc_1/wk_b");
        assertThat(reader.openIterators()).isZero();
    }

    @Test
    void historyComesNewestFirstWithDeletes() {
        for (int i = 1; i <= 3; i++) {
            final InMemoryStub tx = stub("t" + i, T0.plusSeconds(i), TestIdentity.EXCHANGE);
            if (i == 3) {
                tx.delState("k");
            } else {
                tx.putState("k", utf8("v" + i));
            }
            ledger.commit("t" + i, T0.plusSeconds(i), tx.writes(), null, null);
        }
        final List<KeyModification> history = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> it = stub("t9", T0, TestIdentity.EXCHANGE).getHistoryForKey("k")) {
            it.forEach(history::add);
        }
        assertThat(history).extracting(KeyModification::getTxId).containsExactly("t3", "t2", "t1");
        assertThat(history.get(0).isDeleted()).isTrue();
        assertThat(history.get(1).getStringValue()).isEqualTo("v2");
    }

    @Test
    void oneEventPerTransactionTheLastOneWins() {
        final InMemoryStub tx = stub("t1", T0, TestIdentity.EXCHANGE);
        tx.setEvent("First", utf8("1"));
        tx.setEvent("Second", utf8("2"));
        assertThat(tx.getEvent().getEventName()).isEqualTo("Second");
        assertThat(tx.eventsSet()).isEqualTo(2);
    }

    @Test
    void theShimParsesTheTestCertificatesWithTheirRole() {
        final Context plain = new Context(stub("t1", T0, TestIdentity.COPYRIGHT));
        assertThat(plain.getClientIdentity().getMSPID()).isEqualTo("CopyrightMSP");
        assertThat(plain.getClientIdentity().getAttributeValue("dcx.role")).isNull();
        assertThat(plain.getClientIdentity().getId()).startsWith("x509::").contains("CN=user-client");

        final Context registrar = new Context(stub("t2", T0, TestIdentity.REGISTRAR));
        assertThat(registrar.getClientIdentity().getMSPID()).isEqualTo("ExchangeMSP");
        assertThat(registrar.getClientIdentity().getAttributeValue("dcx.role")).isEqualTo("registrar");
        assertThat(registrar.getClientIdentity().assertAttributeValue("dcx.role", "registrar")).isTrue();
    }

    @Test
    void committedWritesAreVisibleInTheSnapshot() {
        final InMemoryStub tx = stub("t1", T0, TestIdentity.EXCHANGE);
        tx.putState("a", utf8("1"));
        ledger.commit("t1", T0, tx.writes(), "Evt", utf8("{}"));
        assertThat(ledger.snapshot()).containsOnlyKeys("a");
        assertThat(ledger.events()).containsExactly(new InMemoryLedger.CommittedEvent("t1", "Evt", "{}"));
        assertThat(Map.copyOf(tx.writes())).containsOnlyKeys("a");
    }
}
