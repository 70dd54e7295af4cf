package io.dcx.service.application.port;

import java.time.Instant;
import java.util.Optional;

/** Which block holds which transaction, and where chain event consumers resume. */
public interface ChainIndex {
    void recordTransaction(String txId, long blockNumber, Instant committedAt);

    Optional<Long> blockOf(String txId);

    /** The next block the consumer has to process; 0 for a new consumer. */
    long nextBlock(String consumer);

    void advance(String consumer, long nextBlock);
}
