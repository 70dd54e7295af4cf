package io.dcx.service.application.ledger;

/**
 * Recomputes the chain of block hashes from what the ledger stores. The embedded ledger implements it (every
 * block's data hash from its transactions and write sets, every header hash, every link); a ledger that cannot
 * be checked from here answers {@link LedgerUnavailableException}.
 */
public interface BlockIntegrity {

    /**
     * What a walk of the chain found: how many blocks were checked from block 0, and the first block that does not
     * match with the reason ({@code null} for both when intact).
     */
    record Verification(long checked, Long firstBrokenBlock, String problem) {
        public boolean intact() {
            return firstBrokenBlock == null;
        }
    }

    Verification verify();
}
