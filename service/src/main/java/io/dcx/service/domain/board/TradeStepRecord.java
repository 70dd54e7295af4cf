package io.dcx.service.domain.board;

import java.time.Instant;

/** One saga step of a trade as recorded: when it started and finished, the chain tx it made, what went wrong. */
public record TradeStepRecord(String tradeId, SagaStep step, StepStatus status, int attempts, Instant startedAt,
        Instant finishedAt, String txId, Long blockNumber, String detail) {
}
