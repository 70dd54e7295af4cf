package io.dcx.service.infrastructure.evm;

import io.dcx.service.application.port.WalletAddresses;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.web3j.crypto.Keys;

/** EVM addresses with EIP-55 checksums, through web3j's Keccak-256. */
@ApplicationScoped
public class Eip55WalletAddresses implements WalletAddresses {
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    @Override
    public String canonical(String raw) {
        if (raw == null || !raw.matches("0x[0-9a-fA-F]{40}")) {
            throw new DcxException(ErrorCode.INVALID_WALLET_ADDRESS, "address: 0x and 40 hexadecimal digits");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        String hex = raw.substring(2);
        boolean mixed = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixed && !Keys.toChecksumAddress(lower).equals(raw)) {
            throw new DcxException(ErrorCode.INVALID_WALLET_ADDRESS,
                    "address: the EIP-55 checksum (its mixed case) is wrong; a typo?");
        }
        if (ZERO.equals(lower)) {
            throw new DcxException(ErrorCode.INVALID_WALLET_ADDRESS, "address: the zero address cannot hold tokens");
        }
        return lower;
    }

    @Override
    public String checksummed(String canonical) {
        return Keys.toChecksumAddress(canonical);
    }
}
