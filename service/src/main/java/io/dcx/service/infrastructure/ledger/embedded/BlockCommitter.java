package io.dcx.service.infrastructure.ledger.embedded;

import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.LedgerUnavailableException;
import io.dcx.service.application.ledger.TransactionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * The orderer and committing peer of the embedded ledger, on one thread: it takes endorsed transactions from the
 * ordering queue, cuts blocks, validates them (MVCC and phantom reads) in block order and writes each block in
 * one database transaction. It holds its own connection, with a session advisory lock that keeps a second ledger
 * from committing into the same schema.
 */
final class BlockCommitter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BlockCommitter.class.getName());
    /** First key of the advisory lock; the second is a hash of the schema name. */
    private static final int LOCK_SPACE = 0x0dc5_1ed6;

    private record Pending(EmbeddedLedger.Endorsed tx, CompletableFuture<CommittedTransaction> result) {
    }

    /** Put into the queue by close() to wake the committer from a batch wait; never committed. */
    private static final Pending WAKE_UP = new Pending(null, null);

    /** A key's value after an earlier valid transaction of the block being validated; null value = deleted. */
    private record BlockWrite(byte[] value, Version version) {
    }

    private final DataSource dataSource;
    private final LedgerStore store;
    private final EmbeddedLedger.Options options;
    private final EventHub events;
    private final BlockingQueue<Pending> queue;
    private final ReentrantReadWriteLock admission = new ReentrantReadWriteLock();
    private final Thread thread;
    /** Ordered transactions whose block is not written yet. */
    private final AtomicInteger uncommitted = new AtomicInteger();
    private Connection connection;
    /** False while the committer has no working database session (after a failed block, until it reconnects). */
    private volatile boolean connected;
    private volatile long height;
    private byte[] lastHash;
    private volatile boolean accepting = true;
    private volatile boolean stopping;

    private BlockCommitter(DataSource dataSource, LedgerStore store, EmbeddedLedger.Options options,
                           EventHub events) {
        this.dataSource = dataSource;
        this.store = store;
        this.options = options;
        this.events = events;
        this.queue = new LinkedBlockingQueue<>(options.queueCapacity());
        this.thread = new Thread(this::run, "dcx-ledger-committer");
        this.thread.setDaemon(true);
    }

    static BlockCommitter open(DataSource dataSource, LedgerStore store, EmbeddedLedger.Options options,
                               EventHub events) {
        BlockCommitter committer = new BlockCommitter(dataSource, store, options, events);
        try {
            committer.connect();
        } catch (SQLException e) {
            committer.close();
            throw new LedgerUnavailableException("cannot open the embedded ledger's database", e);
        }
        return committer;
    }

    private void connect() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            // A session that just ended may still hold the lock for a moment while its backend exits: retry briefly.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (!tryLock(c)) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("another embedded ledger is already running on this database"
                            + " schema; only one may commit to it");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the ledger lock", e);
                }
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException | RuntimeException e) {
            ConnectionPool.closeQuietly(c);
            throw e;
        }
        connection = c;
        connected = true;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(current_schema()))")) {
            ps.setInt(1, LOCK_SPACE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void unlockAndClose() {
        try {
            connection.rollback();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT pg_advisory_unlock(?, hashtext(current_schema()))")) {
                ps.setInt(1, LOCK_SPACE);
                ps.execute();
            }
            connection.commit();
        } catch (SQLException e) {
            // Closing the session releases the lock as well, only a moment later.
        }
        ConnectionPool.closeQuietly(connection);
        connection = null;
        connected = false;
    }

    /**
     * Loads the identities, creating them and the genesis block on first start, and the chain's tip.
     */
    OrgIdentities initialise(String channel) {
        try {
            Map<LedgerIdentity, LedgerStore.IdentityRow> rows = new EnumMap<>(LedgerIdentity.class);
            for (LedgerStore.IdentityRow row : store.identities(connection)) {
                for (LedgerIdentity identity : LedgerIdentity.values()) {
                    if (identity.mspId().equals(row.mspId())) {
                        rows.put(identity, row);
                    }
                }
            }
            LedgerStore.Tip tip = store.tip(connection);
            Instant now = options.clock().instant();
            if (rows.size() < LedgerIdentity.values().length) {
                if (tip.height() > 0) {
                    throw new IllegalStateException("the embedded ledger has blocks but lacks identities "
                            + missing(rows) + "; its genesis block fixes the organisations, so they cannot be"
                            + " generated now");
                }
                for (LedgerIdentity identity : LedgerIdentity.values()) {
                    if (!rows.containsKey(identity)) {
                        LedgerStore.IdentityRow row = OrgIdentities.generate(identity, now);
                        store.insertIdentity(connection, row, now);
                        rows.put(identity, row);
                    }
                }
            }
            OrgIdentities identities = new OrgIdentities(rows);
            if (tip.height() == 0) {
                BlockHasher hasher = new BlockHasher();
                hasher.addChannel(channel);
                for (LedgerStore.IdentityRow row : identities.inMspOrder()) {
                    hasher.addOrganisation(row.mspId(), row.caCertificatePem());
                }
                byte[] dataHash = hasher.dataHash();
                byte[] hash = BlockHasher.blockHash(0, BlockHasher.ZERO_HASH, dataHash);
                store.writeBlock(connection, new LedgerStore.BlockRow(0, BlockHasher.ZERO_HASH, dataHash, hash, 0),
                        now, List.of(), Map.of(), List.of());
                tip = new LedgerStore.Tip(1, hash);
            }
            connection.commit();
            height = tip.height();
            lastHash = tip.lastHash();
            return identities;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new LedgerUnavailableException("cannot initialise the embedded ledger", e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private static String missing(Map<LedgerIdentity, ?> rows) {
        return java.util.Arrays.stream(LedgerIdentity.values()).filter(i -> !rows.containsKey(i))
                .map(LedgerIdentity::mspId).toList().toString();
    }

    void start() {
        thread.start();
    }

    long height() {
        return height;
    }

    boolean connected() {
        return connected;
    }

    int uncommitted() {
        return uncommitted.get();
    }

    /** Puts an endorsed transaction into the ordering queue; the future completes when its block is written. */
    CompletableFuture<CommittedTransaction> order(EmbeddedLedger.Endorsed tx, long deadline) {
        Pending pending = new Pending(tx, new CompletableFuture<>());
        admission.readLock().lock();
        try {
            if (!accepting) {
                throw new LedgerUnavailableException("the embedded ledger is closing", null);
            }
            uncommitted.incrementAndGet();
            pending.result().whenComplete((done, failure) -> uncommitted.decrementAndGet());
            if (!queue.offer(pending, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                pending.result().cancel(false);
                throw new LedgerUnavailableException("the ordering queue stayed full; transaction " + tx.txId()
                        + " was not ordered", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while ordering transaction " + tx.txId(), e);
        } finally {
            admission.readLock().unlock();
        }
        return pending.result();
    }

    // ---------------------------------------------------------------- the committer thread

    private void run() {
        List<Pending> batch = new ArrayList<>(options.maxBlockTransactions());
        long batchTimeout = options.batchTimeout().toNanos();
        while (true) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null || first == WAKE_UP) {
                    if (stopping && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, options.maxBlockTransactions() - batch.size());
                long cut = System.nanoTime() + batchTimeout;
                while (batch.size() < options.maxBlockTransactions() && !stopping) {
                    long wait = cut - System.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                    Pending next = queue.poll(wait, TimeUnit.NANOSECONDS);
                    if (next == null || next == WAKE_UP) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, options.maxBlockTransactions() - batch.size());
                }
                batch.remove(WAKE_UP);
                commit(batch);
            } catch (InterruptedException e) {
                // close() does not interrupt; treat it as a request to stop after the queue is drained.
                stopping = true;
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "the embedded ledger's committer failed a block", e);
                for (Pending pending : batch) {
                    pending.result().completeExceptionally(
                            new LedgerUnavailableException("the embedded ledger's committer failed", e));
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        if (connection == null && !reconnect()) {
            failAll(batch, new LedgerUnavailableException("the embedded ledger's database is unreachable", null));
            return;
        }
        long number = height;
        Instant committedAt = options.clock().instant();
        List<LedgerStore.TxRecord> records = new ArrayList<>(batch.size());
        NavigableMap<String, BlockWrite> updates = new TreeMap<>(Keys.ORDER);
        List<String> conflicts = new ArrayList<>(batch.size());
        byte[] hash;
        try {
            Map<String, Version> committed = store.versions(connection, readKeys(batch));
            BlockHasher hasher = new BlockHasher();
            for (int i = 0; i < batch.size(); i++) {
                EmbeddedLedger.Endorsed tx = batch.get(i).tx();
                String conflict = validate(tx.rwSet(), committed, updates);
                conflicts.add(conflict);
                String code = conflict == null ? BlockHasher.VALID
                        : conflict.startsWith("phantom") ? BlockHasher.PHANTOM_READ_CONFLICT
                        : BlockHasher.MVCC_READ_CONFLICT;
                if (conflict == null) {
                    Version version = new Version(number, i);
                    for (Map.Entry<String, byte[]> write : tx.rwSet().writes().entrySet()) {
                        updates.put(write.getKey(), new BlockWrite(write.getValue(), version));
                    }
                }
                LedgerStore.TxRecord record = new LedgerStore.TxRecord(i, tx.txId(), tx.creatorMsp(), tx.function(),
                        tx.args(), tx.timestamp(), code, tx.rwSet().writes(), tx.eventName(), tx.eventPayload());
                hasher.addTransaction(record);
                records.add(record);
            }
            byte[] dataHash = hasher.dataHash();
            hash = BlockHasher.blockHash(number, lastHash, dataHash);
            Map<String, LedgerStore.StateRow> upserts = new HashMap<>();
            List<String> deletes = new ArrayList<>();
            for (Map.Entry<String, BlockWrite> update : updates.entrySet()) {
                if (update.getValue().value() == null) {
                    deletes.add(update.getKey());
                } else {
                    upserts.put(update.getKey(), new LedgerStore.StateRow(update.getKey(), update.getValue().value(),
                            update.getValue().version()));
                }
            }
            store.writeBlock(connection, new LedgerStore.BlockRow(number, lastHash, dataHash, hash, batch.size()),
                    committedAt, records, upserts, deletes);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "block " + number + " could not be written", e);
            rollbackQuietly();
            failAll(batch, new LedgerUnavailableException("block " + number + " could not be written to the"
                    + " embedded ledger's database; its transactions may or may not have committed", e));
            resync();
            return;
        }
        height = number + 1;
        lastHash = hash;

        List<ChaincodeEvent> blockEvents = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            EmbeddedLedger.Endorsed tx = pending.tx();
            String conflict = conflicts.get(i);
            if (conflict == null) {
                pending.result().complete(new CommittedTransaction(tx.txId(), number, tx.timestamp(),
                        tx.payload() == null ? new byte[0] : tx.payload()));
                if (tx.eventName() != null) {
                    blockEvents.add(new ChaincodeEvent(number, tx.txId(), tx.timestamp(), tx.eventName(),
                            tx.eventPayload()));
                }
            } else {
                pending.result().completeExceptionally(new TransactionConflictException(tx.txId(),
                        "transaction " + tx.txId() + " (" + tx.function() + ") was invalidated in block " + number
                                + ": " + records.get(i).validationCode() + ", " + conflict));
            }
        }
        events.publish(new EventHub.BlockEvents(number, List.copyOf(blockEvents)));
    }

    private static Set<String> readKeys(List<Pending> batch) {
        Set<String> keys = new HashSet<>();
        for (Pending pending : batch) {
            keys.addAll(pending.tx().rwSet().reads().keySet());
        }
        return keys;
    }

    /** Null if the transaction is valid, otherwise why not. */
    private String validate(ReadWriteSet rwSet, Map<String, Version> committed,
                            NavigableMap<String, BlockWrite> updates) throws SQLException {
        for (Map.Entry<String, Version> read : rwSet.reads().entrySet()) {
            BlockWrite inBlock = updates.get(read.getKey());
            Version current = inBlock != null
                    ? (inBlock.value() == null ? null : inBlock.version())
                    : committed.get(read.getKey());
            if (!Objects.equals(current, read.getValue())) {
                return "key " + printable(read.getKey()) + " changed after it was read";
            }
        }
        for (ReadWriteSet.RangeRead range : rwSet.rangeReads()) {
            if (!range.results().equals(rangeNow(range, updates))) {
                return "phantom read: the range " + printable(range.start()) + " .. " + printable(range.end())
                        + " gives other keys or versions now";
            }
        }
        return null;
    }

    /** Re-executes a range query against committed state plus the block's earlier valid writes. */
    private List<ReadWriteSet.KeyVersion> rangeNow(ReadWriteSet.RangeRead range,
                                                   NavigableMap<String, BlockWrite> updates) throws SQLException {
        boolean bounded = range.end() != null && !range.end().isEmpty();
        NavigableMap<String, BlockWrite> inBlock;
        if (!bounded) {
            inBlock = updates.tailMap(range.start(), true);
        } else if (Keys.compare(range.start(), range.end()) > 0) {
            inBlock = new TreeMap<>(Keys.ORDER);
        } else {
            inBlock = updates.subMap(range.start(), true, range.end(), range.endInclusive());
        }
        // More rows than were read plus what the block deleted cannot match, so no need to read further.
        int limit = range.results().size() + inBlock.size() + 1;
        NavigableMap<String, Version> now = new TreeMap<>(Keys.ORDER);
        for (LedgerStore.StateRow row : store.range(connection, range.start(), false, range.end(),
                range.endInclusive(), limit, false)) {
            now.put(row.key(), row.version());
        }
        for (Map.Entry<String, BlockWrite> write : inBlock.entrySet()) {
            if (write.getValue().value() == null) {
                now.remove(write.getKey());
            } else {
                now.put(write.getKey(), write.getValue().version());
            }
        }
        List<ReadWriteSet.KeyVersion> result = new ArrayList<>(now.size());
        now.forEach((key, version) -> result.add(new ReadWriteSet.KeyVersion(key, version)));
        return result;
    }

    private static String printable(String key) {
        return key == null ? "(end)" : "'" + key.replace('\u0000', '|').replace(Keys.MAX_UNICODE_RUNE, "~") + "'";
    }

    private static void failAll(Collection<Pending> batch, RuntimeException e) {
        for (Pending pending : batch) {
            pending.result().completeExceptionally(e);
        }
    }

    /** After a failed block: reconnect if needed and reload the tip, which the failed commit may have moved. */
    private void resync() {
        try {
            if (connection != null && connection.isValid(5)) {
                LedgerStore.Tip tip = store.tip(connection);
                connection.commit();
                height = tip.height();
                lastHash = tip.lastHash();
                return;
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "the committer's connection is broken", e);
        }
        if (connection != null) {
            ConnectionPool.closeQuietly(connection);
            connection = null;
            connected = false;
        }
        reconnect();
    }

    private boolean reconnect() {
        try {
            connect();
            LedgerStore.Tip tip = store.tip(connection);
            connection.commit();
            height = tip.height();
            lastHash = tip.lastHash();
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the committer cannot reconnect to the embedded ledger's database", e);
            if (connection != null) {
                ConnectionPool.closeQuietly(connection);
                connection = null;
            connected = false;
            }
            return false;
        }
    }

    private void rollbackQuietly() {
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // resync() finds out whether the connection is still good.
        }
    }

    /** Stops accepting, commits everything already queued, stops the thread and releases the connection. */
    @Override
    public void close() {
        admission.writeLock().lock();
        try {
            accepting = false;
        } finally {
            admission.writeLock().unlock();
        }
        stopping = true;
        queue.offer(WAKE_UP); // if the queue is full the committer is busy anyway
        if (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.remove(WAKE_UP);
        failAll(left, new LedgerUnavailableException("the embedded ledger closed before ordering this transaction",
                null));
        if (connection != null) {
            unlockAndClose();
        }
    }
}
