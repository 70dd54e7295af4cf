package io.dcx.service.application.rights;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.WorkQueries;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset;
import io.dcx.service.domain.asset.AssetHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads assets from the read model, and their provenance from the chain's key history. */
@ApplicationScoped
public class AssetQueries {
    /** The contract's asset ids: work ids with a suffix, up to 80 characters. */
    private static final Pattern ASSET_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final Ledger ledger;
    private final AssetBook assets;
    private final WorkQueries works;
    private final ChainIndex chainIndex;

    public AssetQueries(Ledger ledger, AssetBook assets, WorkQueries works, ChainIndex chainIndex) {
        this.ledger = ledger;
        this.assets = assets;
        this.works = works;
        this.chainIndex = chainIndex;
    }

    public Asset byId(String id) {
        if (id == null || !ASSET_ID.matcher(id).matches()) {
            throw notFound(id);
        }
        return assets.byId(id).orElseThrow(() -> notFound(id));
    }

    public List<Asset> ofWork(String workId) {
        return assets.byWork(works.byId(workId).id());
    }

    public List<Asset> ownedBy(AccountId owner) {
        return assets.byOwner(owner.value());
    }

    /** Every change of the asset on chain, oldest first ("newest last"), each with transaction, block and time. */
    public List<AssetHistoryEntry> provenance(String id) {
        Asset asset = byId(id);
        JsonNode history;
        try {
            history = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "assets:GetAssetHistory", asset.id()));
        } catch (ContractRejectedException e) {
            throw notFound(id);
        }
        List<AssetHistoryEntry> entries = new ArrayList<>();
        for (JsonNode entry : history) {
            String txId = entry.path("txId").asText();
            JsonNode value = entry.path("value");
            entries.add(new AssetHistoryEntry(
                    txId,
                    chainIndex.blockOf(txId).orElse(null),
                    Instant.parse(entry.path("timestamp").asText()),
                    entry.path("action").asText(value.path("lastAction").asText("")),
                    value.path("status").asText(null),
                    value.path("ownerId").asText(null),
                    value.path("lastReason").isTextual() ? value.path("lastReason").asText() : null));
        }
        return entries;
    }

    private static DcxException notFound(String id) {
        return new DcxException(ErrorCode.ASSET_NOT_FOUND, "no asset with id " + id);
    }
}
