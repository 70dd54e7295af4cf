package io.dcx.service.domain.board;

import io.dcx.service.domain.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What two parties agreed: which asset from which listing, between whom, at what price, and which hold pays for
 * it ({@code holdReference} null means the trade holds the buyer's money under its own id, as a purchase does).
 */
public record TradeTerms(String listingId, String assetId, String sellerId, String buyerId, Money price,
        TradeOrigin origin, String holdReference) {

    /**
     * The hash the chain's lock records: SHA-256 (lowercase hex) of
     * {@code tradeId|assetId|sellerId|buyerId|priceFen|currency}. Settling checks it, so the chain refuses to settle
     * a trade under terms other than those locked, and a regulator can check a trade's price against the chain.
     */
    public static String hash(String tradeId, String assetId, String sellerId, String buyerId, Money price) {
        String canonical = String.join("|", tradeId, assetId, sellerId, buyerId, Long.toString(price.fen()),
                price.currency());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
