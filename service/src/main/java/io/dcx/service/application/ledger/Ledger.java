package io.dcx.service.application.ledger;


/**
 * The port to the dcx chain. Two adapters implement it: the embedded ledger (in-process, runs the same contract
 * classes over PostgreSQL) and the Fabric ledger (fabric-gateway against a real network). Every adapter passes
 * the same abstract contract test, so the service cannot tell them apart.
 *
 * <p>Transaction names are the contract's fully qualified names, {@code "<contract>:<Transaction>"}, for example
 * {@code "works:RegisterWork"}; arguments are strings exactly as a Fabric client would send them.
 */
public interface Ledger {

    /**
     * Endorses, orders and commits a write transaction, and waits for its commit.
     *
     * @return the committed transaction with its block and the contract's answer
     * @throws ContractRejectedException the contract refused the transaction (nothing was written)
     * @throws TransactionConflictException an MVCC read conflict invalidated it at commit (nothing was written;
     *     the caller may simulate it again)
     * @throws LedgerUnavailableException the ledger cannot be reached or did not answer in time
     */
    CommittedTransaction submit(LedgerIdentity identity, String transaction, String... args);

    /** Runs a read-only transaction against committed state; nothing is ordered or written. */
    byte[] evaluate(LedgerIdentity identity, String transaction, String... args);

    /** Number of blocks committed so far (the next block's number). */
    long height();

    /**
     * Delivers every chaincode event of every valid transaction from block {@code fromBlock} on, in commit order,
     * first the ones already committed, then new ones as they commit. Events of one transaction arrive together.
     */
    EventSubscription subscribe(long fromBlock, ChaincodeEventListener listener);

    /** The header of one block, for integrity checks. */
    BlockHeader block(long number);

    /** Listener of chaincode events; it is called on one thread at a time, in order. */
    @FunctionalInterface
    interface ChaincodeEventListener {
        void onEvent(ChaincodeEvent event);
    }

    /** Stops a subscription. */
    interface EventSubscription extends AutoCloseable {
        @Override
        void close();
    }

}
