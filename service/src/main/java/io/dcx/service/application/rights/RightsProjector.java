package io.dcx.service.application.rights;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.EventFeed;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.application.port.LicenceBook;
import io.dcx.service.application.port.LineageIndex;
import io.dcx.service.domain.asset.Asset;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the read models of assets, licences and lineage in step with the chain, consuming chaincode events from its
 * own checkpoint (consumer {@value #CONSUMER}), independently of the work read model's projector. Requests that
 * commit a transaction write their rows right away; this projector makes the read models whole after a crash
 * between a commit and that write, and picks up writes made by other clients of the chain (trades, freezes,
 * registrations of derivative works).
 *
 * <p>The checkpoint is the block of the last applied event, so after a restart that block is applied again: every
 * handler is idempotent (upserts guarded by block number, inserts that ignore a known key).
 */
@ApplicationScoped
public class RightsProjector {
    static final String CONSUMER = "rights-read-model";
    private static final Logger LOG = Logger.getLogger(RightsProjector.class);

    private final Ledger ledger;
    private final ChainIndex chainIndex;
    private final AssetBook assets;
    private final LicenceBook licences;
    private final LineageIndex lineage;
    private final EventFeed feed = new EventFeed();

    public RightsProjector(Ledger ledger, ChainIndex chainIndex, AssetBook assets, LicenceBook licences,
            LineageIndex lineage) {
        this.ledger = ledger;
        this.chainIndex = chainIndex;
        this.assets = assets;
        this.licences = licences;
        this.lineage = lineage;
    }

    void start(@Observes StartupEvent startup) {
        long from = chainIndex.nextBlock(CONSUMER);
        LOG.infof("projecting assets, licences and lineage from block %d", from);
        feed.open(ledger, from, this::project);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        feed.close();
    }

    /** The highest block whose events are applied and committed (-1 before the first). */
    public long appliedThrough() {
        return feed.handledThrough();
    }

    @Transactional
    void project(ChaincodeEvent event) {
        chainIndex.recordTransaction(event.txId(), event.blockNumber(), event.timestamp());
        JsonNode payload = ChainJson.parse(event.payload());
        long block = event.blockNumber();
        switch (event.name()) {
            case "EditionsIssued" -> assets.upsert(editions(payload, event));
            case "CopyrightIssued", "AssetLocked", "AssetReleased", "AssetFrozen", "AssetUnfrozen" ->
                    assets.upsert(List.of(RightsJson.asset(payload, block)));
            case "AssetTransferred" -> assets.upsert(List.of(RightsJson.asset(payload.path("asset"), block)));
            case "TradeSettled" -> assets.recordSale(payload.path("assetId").asText(),
                    payload.path("buyerId").asText(), Instant.parse(payload.path("settledAt").asText()),
                    event.txId(), block);
            case "LicenceGranted" -> licences.insert(RightsJson.licence(payload, block));
            case "WorkRegistered" -> recordParents(payload, block);
            case "WorksRegistered" -> {
                for (JsonNode work : payload.path("works")) {
                    recordParents(work, block);
                }
            }
            default -> {
                // Other events belong to other read models.
            }
        }
        chainIndex.advance(CONSUMER, block);
    }

    /** The event names the asset ids in edition order and the facts they share; the rest is the issue itself. */
    private static List<Asset> editions(JsonNode payload, ChaincodeEvent event) {
        JsonNode ids = payload.path("assetIds");
        int count = payload.path("count").asInt(ids.size());
        List<Asset> issued = new ArrayList<>(ids.size());
        for (int k = 0; k < ids.size(); k++) {
            issued.add(new Asset(ids.get(k).asText(), payload.path("workId").asText(), Asset.AssetKind.EDITION,
                    k + 1, count, payload.path("ownerId").asText(), "ACTIVE",
                    payload.path("issuePriceFen").asLong(), event.timestamp(), "ISSUE", "ISSUED", event.txId(),
                    event.blockNumber()));
        }
        return issued;
    }

    private void recordParents(JsonNode work, long block) {
        List<String> parents = new ArrayList<>();
        for (JsonNode parent : work.path("parents")) {
            parents.add(parent.asText());
        }
        if (!parents.isEmpty()) {
            lineage.recordParents(work.path("id").asText(), parents, block);
        }
    }
}
