package io.dcx.service.domain.board;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.Money;
import java.util.Map;

/**
 * The PRICE_BAND rule: a price may lie at most {@code bandBps} above or below the reference (the asset's last trade
 * price, else its issue price). With no reference (a copyright never traded) or a band of 0 (off), any price goes.
 * Bounds are inclusive and computed in whole fen (the lower rounded up, the upper down), so the rule never lets
 * through a price outside the exact band.
 */
public record PriceBand(int bandBps) {
    public PriceBand {
        if (bandBps < 0 || bandBps > 100_000) {
            throw new IllegalArgumentException("a price band is 0..100000 bps");
        }
    }

    public void check(Money price, Money reference) {
        if (bandBps == 0 || reference == null || !reference.isPositive()) {
            return;
        }
        long ref = reference.fen();
        long low = ceilDiv(Math.multiplyExact(ref, Math.max(0, 10_000 - bandBps)), 10_000);
        long high = Math.multiplyExact(ref, 10_000L + bandBps) / 10_000;
        if (price.fen() < low || price.fen() > high) {
            throw new DcxException(ErrorCode.PRICE_BAND, "the price " + price.fen() + " fen lies outside the band "
                    + low + ".." + high + " fen around the reference " + ref + " fen",
                    Map.of("lowFen", low, "highFen", high, "referenceFen", ref));
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
