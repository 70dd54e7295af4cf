package io.dcx.service.infrastructure.ledger.embedded;

import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.Ledger;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers chaincode events to subscriptions, each on its own thread. A subscription first replays committed
 * events from the database, then follows the blocks the committer publishes. The committer never waits for a
 * listener: it only offers each block to each subscription's bounded queue. A subscription whose queue overflows
 * (a slow listener) drops its queue and catches up from the database again, so nothing is lost and memory stays
 * bounded. Blocks are tracked by number, so each event is delivered exactly once per subscription, in order.
 */
final class EventHub implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventHub.class.getName());
    private static final int REPLAY_PAGE = 500;
    private static final int LISTENER_ATTEMPTS = 3;

    /** The events of the valid transactions of one committed block (possibly none). */
    record BlockEvents(long number, List<ChaincodeEvent> events) {
    }

    /** Where a subscription reads committed events from. */
    interface EventSource {
        /** Borrows a connection, runs the work, gives it back. */
        <T> T withConnection(ConnectionWork<T> work) throws Exception;
    }

    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws Exception;
    }

    private final EventSource source;
    private final LedgerStore store;
    private final int queueCapacity;
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    EventHub(EventSource source, LedgerStore store, int queueCapacity) {
        this.source = source;
        this.store = store;
        this.queueCapacity = queueCapacity;
    }

    Ledger.EventSubscription subscribe(long fromBlock, Ledger.ChaincodeEventListener listener) {
        Subscription subscription = new Subscription(Math.max(0, fromBlock), listener);
        // Registered before its replay starts, so no block falls between the replay and the live queue.
        subscriptions.add(subscription);
        subscription.thread.start();
        return subscription;
    }

    /** Called by the committer after each block is durable; never blocks. */
    void publish(BlockEvents block) {
        for (Subscription subscription : subscriptions) {
            subscription.offer(block);
        }
    }

    @Override
    public void close() {
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
    }

    private final class Subscription implements Ledger.EventSubscription {
        private final Ledger.ChaincodeEventListener listener;
        private final BlockingQueue<BlockEvents> live = new LinkedBlockingQueue<>(queueCapacity);
        private final AtomicBoolean overflowed = new AtomicBoolean();
        private final Thread thread;
        private volatile boolean closed;
        /** The next block whose events this subscription delivers. Only its own thread touches it. */
        private long next;

        Subscription(long fromBlock, Ledger.ChaincodeEventListener listener) {
            this.listener = listener;
            this.next = fromBlock;
            this.thread = new Thread(this::run, "dcx-ledger-events-" + ids.incrementAndGet());
            this.thread.setDaemon(true);
        }

        void offer(BlockEvents block) {
            if (!closed && !live.offer(block)) {
                overflowed.set(true);
            }
        }

        private void run() {
            while (!closed) {
                try {
                    catchUp();
                    follow();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (closed) {
                        return;
                    }
                    LOG.log(System.Logger.Level.WARNING, "event subscription at block " + next
                            + " could not read the ledger; retrying", e);
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }

        /** Delivers every committed event from block {@code next} up to the database's height. */
        private void catchUp() throws Exception {
            live.clear();
            overflowed.set(false);
            long height = source.withConnection(c -> {
                try {
                    return store.tip(c).height();
                } finally {
                    c.commit();
                }
            });
            long afterBlock = next;
            int afterIndex = -1;
            while (!closed) {
                long fromBlock = afterBlock;
                int fromIndex = afterIndex;
                List<LedgerStore.EventRow> page = source.withConnection(c -> {
                    try {
                        return store.events(c, fromBlock, fromIndex, height, REPLAY_PAGE);
                    } finally {
                        c.commit();
                    }
                });
                for (LedgerStore.EventRow row : page) {
                    if (closed) {
                        return;
                    }
                    deliver(new ChaincodeEvent(row.block(), row.txId(), row.timestamp(), row.name(), row.payload()));
                    afterBlock = row.block();
                    afterIndex = row.txIndex();
                }
                if (page.size() < REPLAY_PAGE) {
                    break;
                }
            }
            next = Math.max(next, height);
        }

        /** Delivers published blocks in order until closed, or until it fell behind (then it catches up again). */
        private void follow() throws InterruptedException {
            while (!closed) {
                if (overflowed.get()) {
                    return;
                }
                BlockEvents block = live.poll(200, TimeUnit.MILLISECONDS);
                if (block == null || block.number() < next) {
                    continue;
                }
                if (block.number() > next) {
                    return; // a block was not published (its commit failed ambiguously): read it from the database
                }
                for (ChaincodeEvent event : block.events()) {
                    if (closed) {
                        return;
                    }
                    deliver(event);
                }
                next = block.number() + 1;
            }
        }

        /**
         * Hands one event to the listener. A listener that throws gets the same event again, a few times with a
         * growing pause (a projector whose database hiccuped catches up); then the event is logged and skipped, so
         * that one poisonous event cannot stop the subscription.
         */
        private void deliver(ChaincodeEvent event) throws InterruptedException {
            for (int attempt = 1; ; attempt++) {
                try {
                    listener.onEvent(event);
                    return;
                } catch (RuntimeException e) {
                    if (attempt >= LISTENER_ATTEMPTS || closed) {
                        LOG.log(System.Logger.Level.ERROR, "event listener failed " + attempt + " time(s) on "
                                + event.name() + " of transaction " + event.txId() + " in block "
                                + event.blockNumber() + "; skipping it", e);
                        return;
                    }
                    LOG.log(System.Logger.Level.WARNING, "event listener failed on " + event.name()
                            + " of transaction " + event.txId() + "; trying again", e);
                    Thread.sleep(200L * attempt);
                }
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            subscriptions.remove(this);
            live.clear();
            // No interrupt: the listener may be in the middle of its own database work. The thread notices within
            // one poll interval, or once the listener returns.
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
