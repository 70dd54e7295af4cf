package io.dcx.service.application.board;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Board settings ({@code dcx.board.*}); the fee, royalty and band are defaults until an operator changes them. */
@ConfigMapping(prefix = "dcx.board")
public interface BoardConfig {
    /** The exchange's fee, basis points of the price, paid by the seller. */
    @WithDefault("250")
    int feeBps();

    /** The royalty on a resale, basis points of the price, shared by the work's creators. */
    @WithDefault("500")
    int royaltyBps();

    /** PRICE_BAND: how far a price may lie from the reference, in basis points (0: off). */
    @WithDefault("5000")
    int priceBandBps();

    /** The payment rail sellers are paid through: {@code internal} (book credit) or {@code ecny} (token payout). */
    @WithDefault("internal")
    String settlementRail();

    /** How long a saga runner owns a trade before another may resume it. */
    @WithDefault("PT30S")
    Duration leaseDuration();

    /**
     * How long a trade may wait for an unavailable ledger before the chain settled it; after that the saga gives up
     * and compensates (FAILED, LEDGER_UNAVAILABLE). Once the chain settled, it never gives up.
     */
    @WithDefault("PT10M")
    Duration settlementTimeout();

    /** The longest an auction may run. */
    @WithDefault("P30D")
    Duration maxAuctionDuration();

    /** How often interrupted settlements are resumed ({@code off} in tests); read by the scheduler. */
    @WithDefault("10s")
    String recoveryInterval();

    /** How often auctions that ended are closed ({@code off} in tests); read by the scheduler. */
    @WithDefault("5s")
    String auctionCloseInterval();

    /** The largest price on the board, in fen. */
    @WithDefault("100000000000")
    long maxPriceFen();
}
