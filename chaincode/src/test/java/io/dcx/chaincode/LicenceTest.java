package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGISTRAR;
import static io.dcx.chaincode.TestIdentity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LicenceTest {
    private final TestChain chain = new TestChain();

    @BeforeEach
    void registerAWork() {
        chain.submit(COPYRIGHT, "works:RegisterWork", Fixtures.work("wk_1", "acc_alice", "acc_bob").toString()).ok();
    }

    private Result grant(final ObjectNode licence) {
        return chain.submit(COPYRIGHT, "works:GrantLicence", licence.toString());
    }

    private static ObjectNode licence(final String id, final boolean exclusive, final String from,
            final String until) {
        return Fixtures.licence(id, "wk_1", "acc_bob", "acc_carol", exclusive, from, until);
    }

    @Test
    void grantsALicenceAndListsIt() {
        final ObjectNode input = licence("lic_1", false, "2025-01-01", "2026-01-01");
        final Result result = grant(input);
        final JsonNode licence = result.ok();

        final List<String> names = new ArrayList<>();
        licence.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "workId", "licenseeId", "grantorId", "scope", "feeFen",
                "validFrom", "validUntil", "grantedAt", "txId");
        assertThat(licence.path("grantorId").asText()).isEqualTo("acc_bob");
        assertThat(licence.path("licenseeId").asText()).isEqualTo("acc_carol");
        assertThat(licence.path("scope")).isEqualTo(input.path("scope"));
        assertThat(licence.path("feeFen").asLong()).isEqualTo(500_000);
        assertThat(licence.path("validFrom").asText()).isEqualTo("2025-01-01");
        assertThat(licence.path("validUntil").asText()).isEqualTo("2026-01-01");
        assertThat(licence.path("grantedAt").asText()).isEqualTo(result.timestamp.toString());
        assertThat(licence.path("txId").asText()).isEqualTo(result.txId);
        assertThat(result.event("LicenceGranted")).isEqualTo(licence);
        assertThat(result.writes.keySet()).containsExactlyInAnyOrder(
                new CompositeKey("licence", "lic_1").toString(),
                new CompositeKey("workLicence", "wk_1", "lic_1").toString());

        assertThat(chain.evaluate(REGULATOR, "works:GetLicence", "lic_1").ok()).isEqualTo(licence);
        grant(licence("lic_0", false, "2025-06-01", "2027-01-01")).ok();
        assertThat(WorkRegistrationTest.ids(chain.evaluate(REGULATOR, "works:ListLicences", "wk_1").ok()))
                .containsExactly("lic_0", "lic_1");
    }

    @Test
    void theExchangeGrantsOnlyAsRegistrar() {
        chain.submit(EXCHANGE, "works:GrantLicence", licence("lic_1", false, "2025-01-01", "2026-01-01").toString())
                .refused(ErrorCode.ACCESS_DENIED);
        chain.submit(REGISTRAR, "works:GrantLicence", licence("lic_1", false, "2025-01-01", "2026-01-01").toString())
                .ok();
    }

    @Test
    void refusesAnExistingLicenceId() {
        grant(licence("lic_1", false, "2025-01-01", "2026-01-01")).ok();
        grant(licence("lic_1", false, "2027-01-01", "2028-01-01")).refused(ErrorCode.LICENCE_EXISTS);
    }

    @Test
    void theWorkMustExistAndBeActive() {
        final ObjectNode missing = licence("lic_1", false, "2025-01-01", "2026-01-01");
        missing.put("workId", "wk_missing");
        grant(missing).refused(ErrorCode.WORK_NOT_FOUND);

        chain.submit(EXCHANGE, "works:SetWorkStatus", "wk_1", "DISPUTED", "claim").ok();
        grant(licence("lic_1", false, "2025-01-01", "2026-01-01")).refused(ErrorCode.WORK_NOT_TRADABLE);
    }

    @Test
    void theGrantorMustBeACreator() {
        final ObjectNode l = licence("lic_1", false, "2025-01-01", "2026-01-01");
        l.put("grantorId", "acc_mallory");
        grant(l).refused(ErrorCode.NOT_OWNER);
    }

    @Test
    void anExclusiveLicenceMayNotOverlapAnyOther() {
        grant(licence("lic_1", false, "2025-01-01", "2026-01-01")).ok();
        assertThat(grant(licence("lic_2", true, "2025-12-31", "2027-01-01")).refused(ErrorCode.LICENCE_CONFLICT)
                .detail()).contains("lic_1");
        grant(licence("lic_3", true, "2026-01-01", "2027-01-01")).ok();
        grant(licence("lic_4", false, "2026-06-01", "2026-07-01")).refused(ErrorCode.LICENCE_CONFLICT);
        grant(licence("lic_5", false, "2024-01-01", "2026-01-02")).refused(ErrorCode.LICENCE_CONFLICT);
        grant(licence("lic_6", false, "2025-03-01", "2025-04-01")).ok();
        grant(licence("lic_7", false, "2027-01-01", "2028-01-01")).ok();
    }

    @Test
    void licenceQueriesRefuseUnknownIds() {
        chain.evaluate(REGULATOR, "works:GetLicence", "lic_9").refused(ErrorCode.LICENCE_NOT_FOUND);
        chain.evaluate(REGULATOR, "works:GetLicence", "lic 9").refused(ErrorCode.INVALID_ARGUMENT);
        chain.evaluate(REGULATOR, "works:ListLicences", "wk_9").refused(ErrorCode.WORK_NOT_FOUND);
        assertThat(chain.evaluate(REGULATOR, "works:ListLicences", "wk_1").ok()).isEmpty();
    }

    static Stream<Arguments> invalidLicences() {
        return Stream.of(
                bad("not JSON", null),
                bad("id invalid", l -> l.put("id", "lic 1")),
                bad("work id missing", l -> l.remove("workId")),
                bad("licensee invalid", l -> l.put("licenseeId", "")),
                bad("grantor is licensee", l -> l.put("licenseeId", "acc_bob")),
                bad("scope missing", l -> l.remove("scope")),
                bad("scope not an object", l -> l.put("scope", "all")),
                bad("commercialUse as text", l -> ((ObjectNode) l.get("scope")).put("commercialUse", "true")),
                bad("exclusive missing", l -> ((ObjectNode) l.get("scope")).remove("exclusive")),
                bad("territory empty", l -> ((ObjectNode) l.get("scope")).put("territory", "")),
                bad("territory too long", l -> ((ObjectNode) l.get("scope")).put("territory", "t".repeat(101))),
                bad("fee negative", l -> l.put("feeFen", -1)),
                bad("fee with a fraction", l -> l.put("feeFen", 1.5)),
                bad("fee as text", l -> l.put("feeFen", "100")),
                bad("fee too large", l -> l.put("feeFen", new java.math.BigInteger("99999999999999999999"))),
                bad("from not a date", l -> l.put("validFrom", "01/01/2025")),
                bad("from an instant", l -> l.put("validFrom", "2025-01-01T00:00:00Z")),
                bad("impossible date", l -> l.put("validUntil", "2025-02-30")),
                bad("from equals until", l -> l.put("validUntil", "2025-01-01")),
                bad("from after until", l -> l.put("validFrom", "2026-06-01")));
    }

    private static Arguments bad(final String name, final Consumer<ObjectNode> breaker) {
        return Arguments.of(name, breaker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLicences")
    void invalidLicencesAreInvalidArguments(final String name, final Consumer<ObjectNode> breaker) {
        if (breaker == null) {
            chain.submit(COPYRIGHT, "works:GrantLicence", "{licence}").refused(ErrorCode.INVALID_ARGUMENT);
            return;
        }
        final ObjectNode l = licence("lic_1", false, "2025-01-01", "2026-01-01");
        breaker.accept(l);
        grant(l).refused(ErrorCode.INVALID_ARGUMENT);
    }
}
