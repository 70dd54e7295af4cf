package io.dcx.service.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.EventFeed;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.application.port.WorkCatalog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Keeps the read model in step with the chain by consuming chaincode events from a checkpoint. The request that
 * registered a work already wrote its row; this projector makes the read model whole after a crash between the
 * commit and that write, and picks up writes made by other clients of the chain.
 *
 * <p>The checkpoint is the block of the last applied event: after a restart that block is applied again, which is
 * harmless because every handler is an idempotent upsert.
 */
@ApplicationScoped
public class ChainEventProjector {
    static final String CONSUMER = "read-model";
    private static final Logger LOG = Logger.getLogger(ChainEventProjector.class);

    private final Ledger ledger;
    private final ChainIndex chainIndex;
    private final WorkCatalog catalog;
    private final EventFeed feed = new EventFeed();

    public ChainEventProjector(Ledger ledger, ChainIndex chainIndex, WorkCatalog catalog) {
        this.ledger = ledger;
        this.chainIndex = chainIndex;
        this.catalog = catalog;
    }

    void start(@Observes StartupEvent startup) {
        long from = chainIndex.nextBlock(CONSUMER);
        LOG.infof("projecting chain events from block %d", from);
        feed.open(ledger, from, this::apply);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        feed.close();
    }

    @Transactional
    void apply(ChaincodeEvent event) {
        chainIndex.recordTransaction(event.txId(), event.blockNumber(), event.timestamp());
        JsonNode payload = ChainJson.parse(event.payload());
        switch (event.name()) {
            case "WorkRegistered" -> catalog.upsert(ChainJson.work(payload, event.blockNumber()));
            case "WorksRegistered" -> {
                for (JsonNode work : payload.path("works")) {
                    catalog.upsert(ChainJson.work(work, event.blockNumber()));
                }
            }
            case "WorkStatusChanged" -> catalog.byId(payload.path("id").asText()).ifPresent(
                    known -> catalog.upsert(ChainJson.work(payload, known.blockNumber())));
            default -> {
                // Other events are consumed by the modules that own them.
            }
        }
        chainIndex.advance(CONSUMER, event.blockNumber());
    }
}
