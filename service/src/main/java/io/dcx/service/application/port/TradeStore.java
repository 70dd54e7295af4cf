package io.dcx.service.application.port;

import io.dcx.service.domain.board.SagaStep;
import io.dcx.service.domain.board.StepStatus;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStepRecord;
import io.dcx.service.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Trades and their saga steps (the settlement outbox). At most one SETTLING trade per asset (the database enforces
 * it, behind the listing lock).
 */
public interface TradeStore {
    void insert(Trade trade);

    Optional<Trade> find(String id);

    void update(Trade trade);

    List<TradeStepRecord> steps(String tradeId);

    /** Writes the step as STARTED (attempts + 1), or again STARTED after a crash. */
    void stepStarted(String tradeId, SagaStep step, Instant at);

    void stepFinished(String tradeId, SagaStep step, StepStatus status, Instant at, String txId, Long blockNumber,
            String detail);

    /**
     * Takes the right to run the trade's saga until {@code until}, unless another runner holds an unexpired lease;
     * answers whether it was taken. Commits on its own, so two runners never both get it.
     */
    boolean tryLease(String tradeId, Instant now, Instant until);

    void releaseLease(String tradeId);

    /** SETTLING trades whose lease is free or expired, oldest first (for the recovery job). */
    List<String> resumable(Instant now, int limit);

    /** Trades where the account is buyer or seller (null: all), newest first. */
    List<Trade> search(String partyId, String assetId, String status, int offset, int limit);

    /** What the buyer has bought (SETTLING or SETTLED) since {@code since}, for the tier's daily limit. */
    Money boughtSince(String buyerId, Instant since);

    /** The price of the asset's latest SETTLED trade, if any (the price band's reference). */
    Optional<Money> lastPrice(String assetId);
}
