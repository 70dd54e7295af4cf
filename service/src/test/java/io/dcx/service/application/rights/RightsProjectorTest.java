package io.dcx.service.application.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.api.RightsFixtures;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.application.port.LicenceBook;
import io.dcx.service.application.port.LineageIndex;
import io.dcx.service.domain.RandomIds;
import io.dcx.service.domain.asset.Asset;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The projector may see an event again (after a restart it re-applies the block of its checkpoint) and the request
 * that committed a transaction writes the same rows: applying events twice, or an older event after a newer one,
 * must leave the read models as the chain has them.
 */
@QuarkusTest
class RightsProjectorTest {
    private static final String TERMS = "ef".repeat(32);

    @Inject
    RightsProjector projector;

    @Inject
    RightsFixtures fixtures;

    @Inject
    Ledger ledger;

    @Inject
    AssetBook assets;

    @Inject
    LicenceBook licences;

    @Inject
    LineageIndex lineage;

    /** The events of the blocks {@code from}..{@code to}, read back from the ledger. */
    private List<ChaincodeEvent> events(long from, long to) {
        List<ChaincodeEvent> seen = new CopyOnWriteArrayList<>();
        try (Ledger.EventSubscription subscription = ledger.subscribe(from, seen::add)) {
            RightsFixtures.await(() -> seen.stream().anyMatch(e -> e.blockNumber() >= to), "events up to " + to);
        }
        return seen.stream().filter(e -> e.blockNumber() <= to).toList();
    }

    @Test
    void replayingEventsAndOlderEventsLeaveTheReadModelsAsTheChainHasThem() {
        // Fresh accounts: settlements and transfers count against each account's daily cap on chain.
        String creator = "creator-" + RandomIds.next("");
        RightsFixtures.ChainWork parent = fixtures.workOnChain(creator, "Projected parent");
        RightsFixtures.ChainWork work = fixtures.workOnChain(creator, "Projected twice", parent.id());
        String alice = fixtures.account(creator);
        String bob = fixtures.account("buyer-" + RandomIds.next(""));
        String carol = fixtures.account("heir-" + RandomIds.next(""));
        CommittedTransaction issue = fixtures.submit(LedgerIdentity.COPYRIGHT, "assets:IssueEditions", work.id(),
                alice, "3", "700");
        String tradeId = RandomIds.next("tr_");
        fixtures.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", work.id() + "-2", tradeId, alice, bob, TERMS);
        ObjectNode licence = RightsFixtures.JSON.createObjectNode();
        licence.put("id", RandomIds.next("lic_"));
        licence.put("workId", work.id());
        licence.put("licenseeId", bob);
        licence.put("grantorId", alice);
        licence.putObject("scope").put("commercialUse", true).put("derivatives", false).put("territory", "CN")
                .put("exclusive", true);
        licence.put("feeFen", 1);
        licence.put("validFrom", "2026-01-01");
        licence.put("validUntil", "2026-12-31");
        fixtures.submit(LedgerIdentity.COPYRIGHT, "works:GrantLicence", RightsFixtures.write(licence));
        CommittedTransaction settle = fixtures.submit(LedgerIdentity.EXCHANGE, "assets:SettleTrade",
                work.id() + "-2", tradeId, bob, TERMS);
        String abandoned = RandomIds.next("tr_");
        fixtures.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", work.id() + "-3", abandoned, alice, bob, TERMS);
        fixtures.submit(LedgerIdentity.EXCHANGE, "assets:ReleaseAsset", work.id() + "-3", abandoned);
        CommittedTransaction gift = fixtures.submit(LedgerIdentity.EXCHANGE, "assets:TransferAsset",
                work.id() + "-1", alice, carol, "gift");
        fixtures.awaitProjected(gift.blockNumber());

        List<Asset> projected = assets.byWork(work.id());
        assertThat(projected).hasSize(3);
        assertThat(projected.get(1).ownerId()).isEqualTo(bob);
        assertThat(projected.get(1).acquiredBy()).isEqualTo("TRADE");
        assertThat(projected.get(2).status()).isEqualTo("ACTIVE");
        assertThat(projected.get(2).lastAction()).isEqualTo("RELEASED");
        assertThat(projected.get(0).ownerId()).isEqualTo(carol);
        assertThat(projected.get(0).acquiredBy()).isEqualTo("TRANSFER");
        long assetRows = fixtures.rows("AssetEntity");
        long licenceRows = fixtures.rows("LicenceEntity");

        List<ChaincodeEvent> replay = events(work.blockNumber(), gift.blockNumber());
        assertThat(replay.stream().map(ChaincodeEvent::name).toList()).contains("WorkRegistered",
                "EditionsIssued", "AssetLocked", "LicenceGranted", "TradeSettled", "AssetReleased",
                "AssetTransferred");
        // Everything again, in order; then the oldest facts once more, after the newest.
        replay.forEach(projector::project);
        List<ChaincodeEvent> older = new ArrayList<>(replay.stream()
                .filter(e -> Set.of("EditionsIssued", "AssetLocked").contains(e.name())).toList());
        older.forEach(projector::project);

        assertThat(assets.byWork(work.id())).isEqualTo(projected);
        assertThat(assets.byId(work.id() + "-2").orElseThrow().ownerId()).isEqualTo(bob);
        assertThat(assets.byId(work.id() + "-1").orElseThrow().blockNumber()).isEqualTo(gift.blockNumber());
        assertThat(issue.blockNumber()).isLessThan(gift.blockNumber());
        assertThat(fixtures.rows("AssetEntity")).isEqualTo(assetRows);
        assertThat(fixtures.rows("LicenceEntity")).isEqualTo(licenceRows);
        assertThat(licences.byWork(work.id())).hasSize(1);
        assertThat(lineage.parentEdges(List.of(work.id())))
                .containsExactly(new LineageIndex.Edge(work.id(), parent.id()));
    }
}
