package io.dcx.service.infrastructure.ledger.embedded;

import io.dcx.service.application.ledger.BlockHeader;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerException;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.LedgerUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * An in-process ledger that runs the same contract classes as the Fabric network, over PostgreSQL, with Fabric's
 * execute-order-validate flow:
 *
 * <ol>
 *   <li><b>endorse</b>: the caller's thread simulates the transaction ({@link SimulationStub}) against committed
 *       state in a database snapshot, as the caller's organisation's identity (a real X.509 certificate, see
 *       {@link OrgIdentities}); a contract refusal ends here and nothing is ordered;</li>
 *   <li><b>order</b>: the endorsed transaction joins one queue; a single committer thread cuts blocks of up to
 *       {@link Options#maxBlockTransactions()} transactions, waiting at most {@link Options#batchTimeout()} for
 *       a block to fill;</li>
 *   <li><b>validate and commit</b>: the committer checks each transaction in block order (MVCC: every version read
 *       is still current, counting earlier transactions of the same block; phantoms: every range query gives the
 *       same keys and versions again), then writes the block, all its transactions (with their validation codes)
 *       and the state changes of the valid ones in one PostgreSQL transaction, answers the callers, and publishes
 *       the events of the valid ones.</li>
 * </ol>
 *
 * <p>Everything is in the tables of {@code V1__embedded_ledger.sql}; a new instance over the same database carries
 * on where the last one stopped. Only one instance may run per database schema (a PostgreSQL advisory lock makes
 * sure), because the committer must be the only writer.
 *
 * <p>Plain Java: construct it with {@link #start(DataSource, Options, ContractRuntime)} and {@link #close()} it.
 * The data source may be unpooled: the ledger keeps a few connections of its own.
 */
public final class EmbeddedLedger implements Ledger, AutoCloseable {
    /** The channel name the contract sees. */
    public static final String CHANNEL = "dcx";

    private static final HexFormat HEX = HexFormat.of();
    private static final int SUCCESS = 200;

    /**
     * Tuning of the embedded ledger.
     *
     * @param maxBlockTransactions at most this many transactions in a block
     * @param batchTimeout how long a block waits to fill once it has its first transaction
     * @param submitTimeout how long {@link #submit} waits for endorsement, ordering and commit in all
     * @param endorserConnections database connections for simulations, evaluations, event replays and reads;
     *     also the number of transactions simulated at the same time
     * @param queueCapacity endorsed transactions waiting to be ordered; submit waits when it is full
     * @param eventQueueCapacity published blocks a subscription holds before it falls back to the database
     * @param clock the ledger clock: transaction timestamps
     */
    public record Options(int maxBlockTransactions, Duration batchTimeout, Duration submitTimeout,
                          int endorserConnections, int queueCapacity, int eventQueueCapacity, Clock clock) {
        public Options {
            if (maxBlockTransactions < 1 || endorserConnections < 1 || queueCapacity < 1 || eventQueueCapacity < 1) {
                throw new IllegalArgumentException("block size, connections and queue capacities must be positive");
            }
            Objects.requireNonNull(batchTimeout, "batchTimeout");
            Objects.requireNonNull(submitTimeout, "submitTimeout");
            Objects.requireNonNull(clock, "clock");
        }

        /** 500 transactions or 2 ms per block, 30 s to commit, 8 endorsing connections, the system clock. */
        public static Options defaults() {
            return new Options(500, Duration.ofMillis(2), Duration.ofSeconds(30), 8, 10_000, 1_000,
                    Clock.systemUTC());
        }

        public Options withMaxBlockTransactions(int value) {
            return new Options(value, batchTimeout, submitTimeout, endorserConnections, queueCapacity,
                    eventQueueCapacity, clock);
        }

        public Options withBatchTimeout(Duration value) {
            return new Options(maxBlockTransactions, value, submitTimeout, endorserConnections, queueCapacity,
                    eventQueueCapacity, clock);
        }

        public Options withSubmitTimeout(Duration value) {
            return new Options(maxBlockTransactions, batchTimeout, value, endorserConnections, queueCapacity,
                    eventQueueCapacity, clock);
        }

        public Options withEndorserConnections(int value) {
            return new Options(maxBlockTransactions, batchTimeout, submitTimeout, value, queueCapacity,
                    eventQueueCapacity, clock);
        }

        public Options withQueueCapacity(int value) {
            return new Options(maxBlockTransactions, batchTimeout, submitTimeout, endorserConnections, value,
                    eventQueueCapacity, clock);
        }

        public Options withEventQueueCapacity(int value) {
            return new Options(maxBlockTransactions, batchTimeout, submitTimeout, endorserConnections,
                    queueCapacity, value, clock);
        }

        public Options withClock(Clock value) {
            return new Options(maxBlockTransactions, batchTimeout, submitTimeout, endorserConnections,
                    queueCapacity, eventQueueCapacity, value);
        }
    }

    /** The result of {@link #verifyChain()}. */
    public record ChainVerification(long blocksChecked, Long firstBrokenBlock, String problem) {
        public boolean intact() {
            return firstBrokenBlock == null;
        }
    }

    /** An endorsed transaction: what the simulation produced, ready to be ordered. */
    record Endorsed(String txId, String creatorMsp, Instant timestamp, String function, List<byte[]> args,
                    ReadWriteSet rwSet, String eventName, byte[] eventPayload, byte[] payload) {
    }

    private final Options options;
    private final ContractRuntime contract;
    private final LedgerStore store = new LedgerStore();
    private final ConnectionPool pool;
    private final OrgIdentities identities;
    private final EventHub events;
    private final BlockCommitter committer;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closed;

    private EmbeddedLedger(DataSource dataSource, Options options, ContractRuntime contract) {
        this.options = options;
        this.contract = contract;
        this.pool = new ConnectionPool(dataSource, options.endorserConnections(), c -> {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
        });
        this.events = new EventHub(this::withConnection, store, options.eventQueueCapacity());
        BlockCommitter started = null;
        try {
            started = BlockCommitter.open(dataSource, store, options, events);
            this.identities = started.initialise(CHANNEL);
            started.start();
        } catch (RuntimeException e) {
            if (started != null) {
                started.close();
            }
            pool.close();
            throw e;
        }
        this.committer = started;
    }

    /** Starts the embedded ledger with the dcx contract. */
    public static EmbeddedLedger start(DataSource dataSource, Options options) {
        return start(dataSource, options, ContractRuntime.dcx());
    }

    /**
     * Starts an embedded ledger over the tables of {@code V1__embedded_ledger.sql} in the data source's current
     * schema: generates the identities and the genesis block on first start, otherwise carries on the chain.
     *
     * @throws LedgerUnavailableException the database cannot be reached
     * @throws IllegalStateException another embedded ledger already runs on this schema
     */
    public static EmbeddedLedger start(DataSource dataSource, Options options, ContractRuntime contract) {
        return new EmbeddedLedger(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(options, "options"), Objects.requireNonNull(contract, "contract"));
    }

    public Options options() {
        return options;
    }

    // ---------------------------------------------------------------- the port

    @Override
    public CommittedTransaction submit(LedgerIdentity identity, String transaction, String... args) {
        long deadline = System.nanoTime() + options.submitTimeout().toNanos();
        Endorsed endorsed = simulate(identity, transaction, args, deadline);
        CompletableFuture<CommittedTransaction> committed = committer.order(endorsed, deadline);
        try {
            return committed.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new LedgerUnavailableException("transaction " + endorsed.txId() + " (" + transaction
                    + ") was not committed within " + options.submitTimeout() + "; it may still commit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while waiting for transaction " + endorsed.txId()
                    + " to commit; it may still commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LedgerException ledgerException) {
                throw ledgerException;
            }
            throw new LedgerUnavailableException("transaction " + endorsed.txId() + " failed to commit", e.getCause());
        }
    }

    @Override
    public byte[] evaluate(LedgerIdentity identity, String transaction, String... args) {
        long deadline = System.nanoTime() + options.submitTimeout().toNanos();
        byte[] payload = simulate(identity, transaction, args, deadline).payload();
        return payload == null ? new byte[0] : payload;
    }

    /** The committed height, kept in memory; unavailable while the committer has lost its database session. */
    @Override
    public long height() {
        checkOpen();
        if (!committer.connected()) {
            throw new LedgerUnavailableException("the embedded ledger's committer has no database session;"
                    + " it reconnects with the next block", null);
        }
        return committer.height();
    }

    @Override
    public EventSubscription subscribe(long fromBlock, ChaincodeEventListener listener) {
        checkOpen();
        return events.subscribe(fromBlock, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public BlockHeader block(long number) {
        checkOpen();
        LedgerStore.BlockRow row = read(c -> store.block(c, number));
        if (row == null) {
            throw new IllegalArgumentException("no block " + number + "; the height is " + committer.height());
        }
        return new BlockHeader(row.number(), HEX.formatHex(row.previousHash()), HEX.formatHex(row.dataHash()),
                HEX.formatHex(row.hash()), row.txCount());
    }

    /**
     * Recomputes every block's data hash from its stored transactions and write sets (the genesis block's from the
     * stored CA certificates), every block hash, and the links between them, and reports the first block that does
     * not match. Reads one consistent snapshot.
     */
    public ChainVerification verifyChain() {
        checkOpen();
        return read(c -> new ChainVerifier(store, CHANNEL).verify(c));
    }

    /**
     * Stops taking transactions, commits those already ordered, stops the committer and the subscriptions, and
     * closes the database connections. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        committer.close();
        events.close();
        pool.close();
    }

    // ---------------------------------------------------------------- endorsement

    private Endorsed simulate(LedgerIdentity identity, String transaction, String[] args, long deadline) {
        checkOpen();
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(transaction, "transaction");
        List<byte[]> parameters = new ArrayList<>(args.length);
        for (String arg : args) {
            parameters.add(Objects.requireNonNull(arg, "argument").getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> allArgs = new ArrayList<>(parameters.size() + 1);
        allArgs.add(transaction.getBytes(StandardCharsets.UTF_8));
        allArgs.addAll(parameters);
        // A simulation has no effects, so one that lost its database session (a restart of PostgreSQL, a cut
        // connection) runs once more on a fresh one before the caller hears of it.
        for (int attempt = 1; ; attempt++) {
            try {
                return simulateOnce(identity, transaction, parameters, allArgs, deadline);
            } catch (StateAccessException e) {
                if (attempt >= 2) {
                    throw new LedgerUnavailableException("the embedded ledger's database failed while simulating "
                            + transaction, e.getCause());
                }
            }
        }
    }

    private Endorsed simulateOnce(LedgerIdentity identity, String transaction, List<byte[]> parameters,
                                  List<byte[]> allArgs, long deadline) {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        Instant timestamp = options.clock().instant().truncatedTo(ChronoUnit.MICROS);
        Connection connection = borrow(deadline);
        boolean broken = false;
        try {
            SimulationStub stub = new SimulationStub(connection, store, CHANNEL, identities.creator(identity),
                    identity.mspId(), timestamp, allArgs, nonce);
            Chaincode.Response response;
            ReadWriteSet rwSet;
            try {
                response = contract.invoke(stub);
            } finally {
                rwSet = stub.finish();
            }
            RuntimeException failure = stub.failure();
            if (failure instanceof StateAccessException) {
                broken = true;
                throw failure;
            }
            if (failure != null) {
                // The contract used something the embedded ledger does not offer: a programming error, say so.
                throw failure;
            }
            if (response.getStatusCode() != SUCCESS) {
                throw ContractRejectedException.fromMessage(response.getMessage());
            }
            var event = stub.event();
            return new Endorsed(stub.getTxId(), identity.mspId(), timestamp, transaction, parameters, rwSet,
                    event == null ? null : event.getEventName(),
                    event == null ? null : event.getPayload().toByteArray(), response.getPayload());
        } finally {
            try {
                connection.rollback(); // ends the read-only snapshot
            } catch (SQLException e) {
                broken = true;
            }
            pool.release(connection, broken);
        }
    }

    private Connection borrow(long deadline) {
        try {
            Connection connection = pool.borrow(deadline - System.nanoTime());
            if (connection == null) {
                throw new LedgerUnavailableException("no embedded ledger connection became free within "
                        + options.submitTimeout(), null);
            }
            return connection;
        } catch (SQLException e) {
            throw new LedgerUnavailableException("cannot connect to the embedded ledger's database", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while waiting for a ledger connection", e);
        }
    }

    private <T> T read(EventHub.ConnectionWork<T> work) {
        try {
            return withConnection(work);
        } catch (LedgerException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerUnavailableException("the embedded ledger's database could not be read", e);
        }
    }

    /**
     * Runs read-only work on a pooled connection in a snapshot, which ends afterwards. Work that fails on a
     * connection that turns out to be dead runs once more on a fresh one.
     */
    private <T> T withConnection(EventHub.ConnectionWork<T> work) throws Exception {
        try {
            return withConnectionOnce(work);
        } catch (StateAccessException e) {
            return withConnectionOnce(work);
        }
    }

    private <T> T withConnectionOnce(EventHub.ConnectionWork<T> work) throws Exception {
        Connection connection = borrow(System.nanoTime() + options.submitTimeout().toNanos());
        boolean broken = false;
        try {
            return work.run(connection);
        } catch (SQLException e) {
            broken = true;
            if (!connection.isValid(1)) {
                throw new StateAccessException("the embedded ledger lost a database session", e);
            }
            throw e;
        } finally {
            try {
                connection.rollback();
            } catch (SQLException e) {
                broken = true;
            }
            pool.release(connection, broken);
        }
    }

    /** Transactions ordered but not yet in a written block (for tests and metrics). */
    int uncommittedTransactions() {
        return committer.uncommitted();
    }

    private void checkOpen() {
        if (closed) {
            throw new LedgerUnavailableException("the embedded ledger is closed", null);
        }
    }

    /** The client certificates in use (for tests). */
    Map<LedgerIdentity, String> certificates() {
        Map<LedgerIdentity, String> certificates = new EnumMap<>(LedgerIdentity.class);
        for (LedgerIdentity identity : LedgerIdentity.values()) {
            certificates.put(identity, identities.row(identity).certificatePem());
        }
        return certificates;
    }

}
