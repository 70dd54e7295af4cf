package io.dcx.service.application.rights;

import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.TransactionConflictException;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Function;

/**
 * Submits a write transaction, simulating it again after an MVCC conflict (nothing was written then), and turns a
 * contract refusal into the API's own code. A refusal is never retried: the contract wrote nothing and would refuse
 * again.
 */
@ApplicationScoped
public class LedgerWrites {
    static final int CONFLICT_RETRIES = 3;

    private final Ledger ledger;

    public LedgerWrites(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param refusal maps a contract refusal to the API's refusal; answering null falls back to CONTRACT_REJECTED
     *     naming the contract's code
     */
    public CommittedTransaction submit(LedgerIdentity identity, String transaction,
            Function<ContractRejectedException, DcxException> refusal, String... args) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ledger.submit(identity, transaction, args);
            } catch (TransactionConflictException conflict) {
                if (attempt >= CONFLICT_RETRIES) {
                    throw new DcxException(ErrorCode.LEDGER_CONFLICT,
                            "the ledger kept rejecting " + transaction + " as a conflict; try again", Map.of(),
                            conflict);
                }
            } catch (ContractRejectedException rejected) {
                DcxException mapped = refusal.apply(rejected);
                throw mapped != null ? mapped : unmapped(rejected);
            }
        }
    }

    static DcxException unmapped(ContractRejectedException rejected) {
        return new DcxException(ErrorCode.CONTRACT_REJECTED, rejected.detail(),
                Map.of("contractCode", rejected.code()));
    }
}
