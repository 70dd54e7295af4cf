package io.dcx.service.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.ContentHash;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.ProvenanceEntry;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.WorkId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads works from the read model and their provenance from the chain's key history. */
@ApplicationScoped
public class WorkQueries {
    private final Ledger ledger;
    private final WorkCatalog catalog;
    private final ChainIndex chainIndex;

    public WorkQueries(Ledger ledger, WorkCatalog catalog, ChainIndex chainIndex) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.chainIndex = chainIndex;
    }

    public Work byId(String id) {
        return catalog.byId(new WorkId(id).value())
                .orElseThrow(() -> new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + id));
    }

    public Optional<Work> byContentHash(String contentHash) {
        return catalog.byContentHash(ContentHash.parse(contentHash).hex());
    }

    /** Every change of the work on chain, oldest first, each with its transaction, block and time. */
    public List<ProvenanceEntry> provenance(String id) {
        Work work = byId(id);
        JsonNode history;
        try {
            history = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWorkHistory", work.id()));
        } catch (ContractRejectedException e) {
            throw new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + id);
        }
        List<ProvenanceEntry> entries = new ArrayList<>();
        for (JsonNode entry : history) {
            String txId = entry.path("txId").asText();
            JsonNode value = entry.path("value");
            entries.add(new ProvenanceEntry(
                    txId,
                    chainIndex.blockOf(txId).orElse(null),
                    Instant.parse(entry.path("timestamp").asText()),
                    entry.path("action").asText(value.path("lastAction").asText("")),
                    value.path("status").asText(null)));
        }
        return entries;
    }
}
