package io.dcx.service.infrastructure.ledger.embedded;

import io.dcx.service.application.ledger.BlockIntegrity;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link BlockIntegrity} of the embedded ledger: its {@link EmbeddedLedger#verifyChain()} (the producer makes the
 * ledger a singleton, not a proxy, so the instance is the embedded ledger itself).
 */
@ApplicationScoped
public class EmbeddedBlockIntegrity implements BlockIntegrity {
    private final Ledger ledger;

    public EmbeddedBlockIntegrity(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Verification verify() {
        if (!(ledger instanceof EmbeddedLedger embedded)) {
            throw new LedgerUnavailableException("the block chain of a " + ledger.getClass().getSimpleName()
                    + " cannot be checked from the service", null);
        }
        EmbeddedLedger.ChainVerification v = embedded.verifyChain();
        return new Verification(v.blocksChecked(), v.firstBrokenBlock(), v.problem());
    }
}
