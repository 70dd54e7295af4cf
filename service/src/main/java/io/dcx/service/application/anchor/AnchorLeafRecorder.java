package io.dcx.service.application.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.EventFeed;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.port.AnchorStore;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.domain.anchor.AnchorLeaf;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Fills {@code anchor_leaf} from the chain's own events (consumer {@value #CONSUMER}, its own checkpoint): every
 * {@code WorkRegistered} / {@code WorksRegistered} work and every {@code TradeSettled} trade becomes a leaf, numbered
 * in the order the events come. The leaves come from the chain and not from the read models on purpose: the read
 * models are written by requests too and are what the anchors let a regulator check, so the anchored facts must not
 * depend on them; and the event stream gives one order that a replay reproduces.
 *
 * <p>The checkpoint is the block of the last applied event, so after a restart that block is applied again; a leaf
 * already recorded for its work or trade is skipped, so the numbering never changes.
 */
@ApplicationScoped
public class AnchorLeafRecorder {
    static final String CONSUMER = "anchor-leaves";
    private static final Logger LOG = Logger.getLogger(AnchorLeafRecorder.class);

    private final Ledger ledger;
    private final ChainIndex chainIndex;
    private final AnchorStore store;
    private final Clock clock;
    private final EventFeed feed = new EventFeed();

    public AnchorLeafRecorder(Ledger ledger, ChainIndex chainIndex, AnchorStore store) {
        this.ledger = ledger;
        this.chainIndex = chainIndex;
        this.store = store;
        this.clock = Clock.systemUTC();
    }

    void start(@Observes StartupEvent startup) {
        long from = chainIndex.nextBlock(CONSUMER);
        LOG.infof("recording anchoring leaves from block %d", from);
        feed.open(ledger, from, this::record);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        feed.close();
    }

    /** The highest block whose events are recorded and committed (-1 before the first). */
    public long appliedThrough() {
        return feed.handledThrough();
    }

    @Transactional
    void record(ChaincodeEvent event) {
        switch (event.name()) {
            case "WorkRegistered" -> work(ChainJson.parse(event.payload()), event);
            case "WorksRegistered" -> {
                for (JsonNode work : ChainJson.parse(event.payload()).path("works")) {
                    work(work, event);
                }
            }
            case "TradeSettled" -> {
                JsonNode trade = ChainJson.parse(event.payload());
                store.appendLeaf(AnchorLeaf.trade(trade.path("tradeId").asText(), trade.path("assetId").asText(),
                        trade.path("buyerId").asText(), trade.path("termsHash").asText(), event.txId(),
                        event.blockNumber()), clock.instant());
            }
            default -> {
                // Other events are not anchored.
            }
        }
        chainIndex.advance(CONSUMER, event.blockNumber());
    }

    private void work(JsonNode work, ChaincodeEvent event) {
        store.appendLeaf(AnchorLeaf.work(work.path("id").asText(), work.path("contentHash").asText(), event.txId(),
                event.blockNumber()), clock.instant());
    }
}
