package io.dcx.service.application.port;

import io.dcx.service.application.money.TokenTransferIn;
import java.util.List;
import java.util.Optional;

/** What the token rail's deposit watcher saw: transfers into the escrow, and how far it scanned. */
public interface TokenTransfers {
    /** Transfers in a state (CREDITED, UNMATCHED), newest first. */
    List<TokenTransferIn> inState(String status, int limit);

    /** The watcher's position for the configured token, if it has scanned. */
    Optional<ScanState> scanState();

    /** Where customers send tokens to deposit, while the rail is enabled. */
    Optional<DepositTarget> depositTarget();

    record ScanState(String token, long lastBlock, String lastBlockHash, String haltedReason) {
    }

    record DepositTarget(String escrowAddress, String tokenAddress, int confirmations) {
    }
}
