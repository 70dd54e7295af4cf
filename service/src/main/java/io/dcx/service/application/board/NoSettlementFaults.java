package io.dcx.service.application.board;

import io.dcx.service.domain.board.SagaStep;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Production: the saga is never interrupted on purpose. */
@ApplicationScoped
@DefaultBean
public class NoSettlementFaults implements SettlementFaults {
    @Override
    public void reached(String tradeId, SagaStep step, boolean sent) {
        // nothing: see SettlementFaults
    }
}
