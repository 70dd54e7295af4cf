package io.dcx.service.domain.board;

import io.dcx.service.domain.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who gets what of a trade's price, to the fen: the exchange's fee ({@code feeBps} of the price), royalties on a
 * resale ({@code royaltyBps} of the price, shared among the work's creators by their shares), and the seller's net
 * (the rest). Percentages round down to the fen, so the fee and the royalty pool never exceed their rates and the
 * seller gets the rounding; the pool is shared by the largest-remainder method (ties to the earlier creator), so
 * the royalties always add up to the pool exactly.
 *
 * <p>A primary sale (the seller acquired the asset by issue) pays no royalties: the creators are selling their own
 * work. A creator who resells an edition also receives their royalty share, in the same capture.
 */
public record SettlementSplit(Money price, Money fee, List<Royalty> royalties, Money sellerNet) {

    /** One creator's royalty. */
    public record Royalty(String accountId, int shareBps, Money amount) {
    }

    /** A creator of the work and their share in basis points (shares sum to 10,000). */
    public record Share(String accountId, int shareBps) {
    }

    public SettlementSplit {
        royalties = List.copyOf(royalties);
        Money sum = fee.plus(sellerNet);
        for (Royalty r : royalties) {
            sum = sum.plus(r.amount());
        }
        if (!sum.equals(price)) {
            throw new IllegalArgumentException("a split adds up to " + sum + ", not the price " + price);
        }
    }

    public static SettlementSplit of(Money price, int feeBps, int royaltyBps, boolean resale, List<Share> creators) {
        if (!price.isPositive()) {
            throw new IllegalArgumentException("a trade has a positive price");
        }
        if (feeBps < 0 || royaltyBps < 0 || feeBps + royaltyBps > 10_000) {
            throw new IllegalArgumentException("fee and royalty rates are 0..10000 bps together");
        }
        Money fee = Money.fen(Math.multiplyExact(price.fen(), feeBps) / 10_000);
        List<Royalty> royalties = resale && royaltyBps > 0 && !creators.isEmpty()
                ? shareOut(Math.multiplyExact(price.fen(), royaltyBps) / 10_000, creators)
                : List.of();
        Money net = price.minus(fee);
        for (Royalty r : royalties) {
            net = net.minus(r.amount());
        }
        return new SettlementSplit(price, fee, royalties, net);
    }

    /** The pool shared by shares, largest remainder first; creators whose part rounds to zero get no line. */
    private static List<Royalty> shareOut(long pool, List<Share> creators) {
        int total = creators.stream().mapToInt(Share::shareBps).sum();
        if (total != 10_000) {
            throw new IllegalArgumentException("creators' shares sum to " + total + ", not 10000");
        }
        long[] parts = new long[creators.size()];
        long[] remainders = new long[creators.size()];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            long exact = Math.multiplyExact(pool, creators.get(i).shareBps());
            parts[i] = exact / 10_000;
            remainders[i] = exact % 10_000;
            given += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; given < pool; k++, given++) {
            parts[order.get(k)]++;
        }
        List<Royalty> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                out.add(new Royalty(creators.get(i).accountId(), creators.get(i).shareBps(), Money.fen(parts[i])));
            }
        }
        return out;
    }

    public Money royaltyTotal() {
        Money sum = Money.ZERO;
        for (Royalty r : royalties) {
            sum = sum.plus(r.amount());
        }
        return sum;
    }

    /**
     * What each party receives, by account id (the seller's net plus any royalty the seller earns as a creator);
     * the exchange's fee is separate.
     */
    public Map<String, Money> receiptsBy(String sellerId) {
        Map<String, Money> out = new LinkedHashMap<>();
        if (sellerNet.isPositive()) {
            out.put(sellerId, sellerNet);
        }
        for (Royalty r : royalties) {
            out.merge(r.accountId(), r.amount(), Money::plus);
        }
        return out;
    }
}
