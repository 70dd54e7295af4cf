package io.dcx.service.application.ledger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One consumer's subscription to the ledger's chaincode events: opened from a block (the consumer's checkpoint, or
 * earlier to replay), closed on shutdown, and how far the consumer has got: the highest block whose events its
 * handler has handled and committed (-1 before the first). The read-model projectors, the anchoring recorder and
 * surveillance each own one.
 */
public final class EventFeed {
    private final AtomicLong handledThrough = new AtomicLong(-1);
    private volatile Ledger.EventSubscription subscription;

    public void open(Ledger ledger, long fromBlock, Ledger.ChaincodeEventListener handler) {
        subscription = ledger.subscribe(fromBlock, event -> {
            handler.onEvent(event);
            handledThrough.accumulateAndGet(event.blockNumber(), Math::max);
        });
    }

    public void close() {
        Ledger.EventSubscription current = subscription;
        if (current != null) {
            current.close();
        }
    }

    public long handledThrough() {
        return handledThrough.get();
    }
}
