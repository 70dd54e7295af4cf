package io.dcx.service.infrastructure.evm;

import io.dcx.service.application.money.TokenTransferIn;
import io.dcx.service.application.port.TokenTransfers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Keys;

/** The token rail as the API shows it: transfers seen, the watcher's position, where to deposit. */
@ApplicationScoped
public class TokenRailView implements TokenTransfers {
    private final EcnyDepositStore store;
    private final TokenPaymentRail rail;
    private final EcnyConfig config;

    public TokenRailView(EcnyDepositStore store, TokenPaymentRail rail, EcnyConfig config) {
        this.store = store;
        this.rail = rail;
        this.config = config;
    }

    @Override
    public List<TokenTransferIn> inState(String status, int limit) {
        return store.inState(status, limit);
    }

    @Override
    public Optional<ScanState> scanState() {
        return store.scanState();
    }

    @Override
    public Optional<DepositTarget> depositTarget() {
        if (!config.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new DepositTarget(Keys.toChecksumAddress(rail.escrowAddress()),
                Keys.toChecksumAddress(rail.tokenAddress()), config.confirmations()));
    }
}
