package io.dcx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write transaction against every kind of identity. Arguments are placeholders: an identity that may write
 * gets some other refusal (INVALID_ARGUMENT, WORK_NOT_FOUND...), never an access one.
 */
class AccessControlTest {

    /** Which write transactions need which permission; must name every SUBMIT transaction of the contracts. */
    private static final Map<String, AccessControl.Permission> WRITES = Map.ofEntries(
            Map.entry("works:RegisterWork", AccessControl.Permission.REGISTER),
            Map.entry("works:RegisterWorks", AccessControl.Permission.REGISTER),
            Map.entry("works:GrantLicence", AccessControl.Permission.REGISTER),
            Map.entry("works:SetWorkStatus", AccessControl.Permission.CHANGE_WORK_STATUS),
            Map.entry("assets:IssueEditions", AccessControl.Permission.ISSUE),
            Map.entry("assets:IssueCopyright", AccessControl.Permission.ISSUE),
            Map.entry("assets:LockAsset", AccessControl.Permission.OPERATE_BOARD),
            Map.entry("assets:SettleTrade", AccessControl.Permission.OPERATE_BOARD),
            Map.entry("assets:ReleaseAsset", AccessControl.Permission.OPERATE_BOARD),
            Map.entry("assets:TransferAsset", AccessControl.Permission.OPERATE_BOARD),
            Map.entry("assets:FreezeAsset", AccessControl.Permission.OPERATE_BOARD),
            Map.entry("assets:UnfreezeAsset", AccessControl.Permission.OPERATE_BOARD),
            Map.entry("policy:SetBoardPolicy", AccessControl.Permission.OPERATE_BOARD));

    private static final List<TestIdentity> READ_ONLY = List.of(
            TestIdentity.REGULATOR,
            TestIdentity.of("RegulatorMSP", "registrar"),
            TestIdentity.of("ExchangeMSP", "auditor"),
            TestIdentity.of("ExchangeMSP", "regulator"),
            TestIdentity.of("CopyrightMSP", "auditor"),
            TestIdentity.of("CopyrightMSP", "Regulator"),
            TestIdentity.of("OtherMSP", "auditor"));

    private static final List<TestIdentity> WRITERS = List.of(
            TestIdentity.EXCHANGE,
            TestIdentity.REGISTRAR,
            TestIdentity.of("ExchangeMSP", "operator"),
            TestIdentity.of("ExchangeMSP", "Registrar"),
            TestIdentity.COPYRIGHT,
            TestIdentity.of("CopyrightMSP", "registrar"),
            TestIdentity.of("OtherMSP", null),
            TestIdentity.of("OtherMSP", "registrar"),
            TestIdentity.of("exchangemsp", null));

    /** Every transaction of the contracts, by intent: "ns:Name" to its number of string arguments. */
    static Map<String, Integer> transactions(final Transaction.TYPE intent) {
        final Map<String, Integer> found = new TreeMap<>();
        for (final Class<? extends ContractInterface> c : DcxContracts.CONTRACT_CLASSES) {
            final String ns = c.getAnnotation(Contract.class).name();
            for (final Method m : c.getMethods()) {
                final Transaction tx = m.getAnnotation(Transaction.class);
                if (tx != null && tx.intent() == intent) {
                    found.put(ns + ":" + m.getName(), m.getParameterCount() - 1);
                }
            }
        }
        return found;
    }

    private static boolean allowed(final TestIdentity who, final AccessControl.Permission permission) {
        final boolean exchange = "ExchangeMSP".equals(who.mspId());
        final boolean copyright = "CopyrightMSP".equals(who.mspId());
        return switch (permission) {
            case REGISTER -> copyright || exchange && "registrar".equals(who.role());
            case ISSUE, CHANGE_WORK_STATUS -> copyright || exchange;
            case OPERATE_BOARD -> exchange;
        };
    }

    private static String[] placeholders(final int n) {
        final String[] args = new String[n];
        Arrays.fill(args, "x");
        return args;
    }

    @Test
    void theMatrixNamesEveryWriteTransaction() {
        assertThat(WRITES.keySet()).isEqualTo(transactions(Transaction.TYPE.SUBMIT).keySet());
    }

    static Stream<Arguments> readOnlyCases() {
        final List<Arguments> cases = new ArrayList<>();
        transactions(Transaction.TYPE.SUBMIT).forEach((tx, n) ->
                READ_ONLY.forEach(who -> cases.add(Arguments.of(tx, n, who))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{2} {0}")
    @MethodSource("readOnlyCases")
    void readOnlyIdentitiesAreRefusedOnEveryWrite(final String tx, final int n, final TestIdentity who) {
        new TestChain().submit(who, tx, placeholders(n)).refused(ErrorCode.READ_ONLY_IDENTITY);
    }

    static Stream<Arguments> writerCases() {
        final List<Arguments> cases = new ArrayList<>();
        transactions(Transaction.TYPE.SUBMIT).forEach((tx, n) ->
                WRITERS.forEach(who -> cases.add(Arguments.of(tx, n, who))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{2} {0}")
    @MethodSource("writerCases")
    void writersNeedTheRightOrganisationAndRole(final String tx, final int n, final TestIdentity who) {
        final Result result = new TestChain().submit(who, tx, placeholders(n));
        if (allowed(who, WRITES.get(tx))) {
            assertThat(result.message).as("%s by %s", tx, who)
                    .doesNotStartWith("ACCESS_DENIED").doesNotStartWith("READ_ONLY_IDENTITY");
            assertThat(result.message).as("%s by %s is a contract refusal", tx, who).matches("[A-Z_]+: .+");
        } else {
            result.refused(ErrorCode.ACCESS_DENIED);
        }
    }

    static Stream<Arguments> readCases() {
        final List<Arguments> cases = new ArrayList<>();
        transactions(Transaction.TYPE.EVALUATE).forEach((tx, n) -> {
            READ_ONLY.forEach(who -> cases.add(Arguments.of(tx, n, who)));
            cases.add(Arguments.of(tx, n, TestIdentity.of("OtherMSP", null)));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{2} {0}")
    @MethodSource("readCases")
    void everyoneMayRead(final String tx, final int n, final TestIdentity who) {
        final Result result = new TestChain().evaluate(who, tx, placeholders(n));
        if (!result.isOk()) {
            assertThat(result.message).doesNotStartWith("ACCESS_DENIED").doesNotStartWith("READ_ONLY_IDENTITY");
        }
    }

    @Test
    void theExpectedTransactionsExist() {
        assertThat(transactions(Transaction.TYPE.EVALUATE).keySet()).isEqualTo(Set.of(
                "works:GetWork", "works:FindWorkByContentHash", "works:ListWorksByCreator", "works:GetWorkHistory",
                "works:GetLicence", "works:ListLicences",
                "assets:GetAsset", "assets:ListAssetsByOwner", "assets:ListAssetsByWork", "assets:GetAssetHistory",
                "assets:GetTrade", "policy:GetBoardPolicy"));
        assertThat(transactions(Transaction.TYPE.SUBMIT)).containsAllEntriesOf(Map.of(
                "works:RegisterWork", 1, "works:SetWorkStatus", 3, "assets:IssueEditions", 4,
                "assets:LockAsset", 5, "assets:SettleTrade", 4, "assets:ReleaseAsset", 2,
                "assets:TransferAsset", 4, "assets:FreezeAsset", 2, "assets:UnfreezeAsset", 1,
                "policy:SetBoardPolicy", 1));
    }
}
