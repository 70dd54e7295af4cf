package io.dcx.service.application.board;

import io.dcx.service.domain.board.SagaStep;

/**
 * Where the settlement saga can be interrupted: it calls {@link #reached} after recording a step as STARTED
 * ({@code sent} false) and after sending it ({@code sent} true), before recording the outcome. The production
 * implementation does nothing; the tests provide one that throws there, which is how they simulate a crash between
 * every pair of steps and check that resuming never settles twice.
 */
public interface SettlementFaults {
    void reached(String tradeId, SagaStep step, boolean sent);
}
