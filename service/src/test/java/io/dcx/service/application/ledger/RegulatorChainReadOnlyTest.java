package io.dcx.service.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.chaincode.AssetContract;
import io.dcx.chaincode.BoardPolicyContract;
import io.dcx.chaincode.WorkContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.Test;

/**
 * On chain, the regulator's identity (RegulatorMSP) is read-only: every write transaction of every contract, found by
 * reflection on the contracts' SUBMIT transactions (a new one is covered without editing this test), is refused
 * with READ_ONLY_IDENTITY through the service's Ledger port, with plausible arguments naming a real work and asset,
 * and adds no block. The same freeze as the exchange commits, so the arguments are not what the contract refuses.
 */
@QuarkusTest
class RegulatorChainReadOnlyTest {
    @Inject
    Ledger ledger;

    /** "contract:Transaction" to its parameter count (without the context), for every SUBMIT transaction. */
    static Map<String, Integer> writeTransactions() {
        Map<String, Integer> out = new TreeMap<>();
        for (Class<?> contract : List.of(WorkContract.class, AssetContract.class, BoardPolicyContract.class)) {
            String name = contract.getAnnotation(Contract.class).name();
            for (Method m : contract.getDeclaredMethods()) {
                Transaction t = m.getAnnotation(Transaction.class);
                if (t != null && t.intent() == Transaction.TYPE.SUBMIT) {
                    out.put(name + ":" + m.getName(), m.getParameterCount() - 1);
                }
            }
        }
        return out;
    }

    @Test
    void everyWriteTransactionIsRefusedToTheRegulatorAndAddsNoBlock() {
        String work = LedgerContractTest.randomId("work");
        String owner = "acc_" + "0123456789abcdef01234567";
        ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork",
                LedgerContractTest.workJson(work, LedgerContractTest.sha256Hex("regulator probe " + work), owner));
        String issued = new String(ledger.submit(LedgerIdentity.EXCHANGE, "assets:IssueEditions", work, owner, "2",
                "100").payload(), java.nio.charset.StandardCharsets.UTF_8);
        String asset = issued.replaceAll("(?s).*?\"(?:id|assetId)\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(asset).as("an asset id in " + issued).doesNotContain("{");
        String tradeId = "trd_probe";
        String terms = LedgerContractTest.sha256Hex("terms");

        Map<String, List<String>> plausible = new TreeMap<>(Map.ofEntries(
                Map.entry("works:RegisterWork", List.of(LedgerContractTest.workJson(
                        LedgerContractTest.randomId("work"), LedgerContractTest.sha256Hex("another"), owner))),
                Map.entry("works:RegisterWorks", List.of("{\"works\":[" + LedgerContractTest.workJson(
                        LedgerContractTest.randomId("work"), LedgerContractTest.sha256Hex("batch"), owner) + "]}")),
                Map.entry("works:SetWorkStatus", List.of(work, "DISPUTED", "regulator probe")),
                Map.entry("works:GrantLicence", List.of("{\"workId\":\"" + work + "\",\"licenseeId\":\""
                        + "acc_111111111111111111111111\",\"scope\":\"DISPLAY\",\"territory\":\"CN\"}")),
                Map.entry("assets:IssueEditions", List.of(work, owner, "1", "100")),
                Map.entry("assets:IssueCopyright", List.of(work, owner)),
                Map.entry("assets:LockAsset", List.of(asset, tradeId, owner, "acc_222222222222222222222222", terms)),
                Map.entry("assets:SettleTrade", List.of(asset, tradeId, "acc_222222222222222222222222", terms)),
                Map.entry("assets:ReleaseAsset", List.of(asset, tradeId)),
                Map.entry("assets:TransferAsset", List.of(asset, owner, "acc_222222222222222222222222", "gift")),
                Map.entry("assets:FreezeAsset", List.of(asset, "regulator probe")),
                Map.entry("assets:UnfreezeAsset", List.of(asset)),
                Map.entry("policy:SetBoardPolicy", List.of("{\"feeBps\":0}"))));

        Map<String, Integer> writes = writeTransactions();
        assertThat(writes.size()).isGreaterThanOrEqualTo(13);
        assertThat(writes).containsKeys("works:RegisterWork", "assets:SettleTrade",
                "policy:SetBoardPolicy");
        long height = ledger.height();
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Integer> tx : writes.entrySet()) {
            List<String> args = plausible.getOrDefault(tx.getKey(), new ArrayList<>());
            while (args.size() < tx.getValue()) {
                args = new ArrayList<>(args);
                args.add("x");
            }
            String[] argv = args.toArray(String[]::new);
            assertThatThrownBy(() -> ledger.submit(LedgerIdentity.REGULATOR, tx.getKey(), argv))
                    .as(tx.getKey())
                    .isInstanceOfSatisfying(ContractRejectedException.class,
                            e -> assertThat(e.code()).as(tx.getKey()).isEqualTo("READ_ONLY_IDENTITY"));
            refused.add(tx.getKey());
        }
        assertThat(refused).hasSize(writes.size());
        assertThat(ledger.height()).isEqualTo(height);

        // The same freeze by the exchange commits: the regulator was refused for who it is, not for the arguments.
        ledger.submit(LedgerIdentity.EXCHANGE, "assets:FreezeAsset", asset, "regulator probe");
        ledger.submit(LedgerIdentity.EXCHANGE, "assets:UnfreezeAsset", asset);
        assertThat(ledger.height()).isEqualTo(height + 2);
    }
}
