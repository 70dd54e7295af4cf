package io.dcx.service.board;

import io.dcx.service.application.board.SettlementFaults;
import io.dcx.service.domain.board.SagaStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The tests' {@link SettlementFaults}: replaces the production no-op (a default bean) in every test, and does nothing
 * until a test arms it for one step and moment; then it runs the test's action (given the trade id) once there (throw
 * {@link SimulatedCrash} to stop the saga as a crash would, or change the chain behind the saga's back).
 */
@ApplicationScoped
public class ArmableSettlementFaults implements SettlementFaults {
    /** Thrown to stop the saga as if the process died at that point. */
    public static final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private record Trap(SagaStep step, boolean sent, Consumer<String> action) {
    }

    private final AtomicReference<Trap> trap = new AtomicReference<>();

    public void crashAt(SagaStep step, boolean sent) {
        trap.set(new Trap(step, sent, tradeId -> {
            throw new SimulatedCrash((sent ? "after sending " : "before sending ") + step);
        }));
    }

    public void runAt(SagaStep step, boolean sent, Consumer<String> action) {
        trap.set(new Trap(step, sent, action));
    }

    public void disarm() {
        trap.set(null);
    }

    @Override
    public void reached(String tradeId, SagaStep step, boolean sent) {
        Trap t = trap.get();
        if (t != null && t.step() == step && t.sent() == sent && trap.compareAndSet(t, null)) {
            t.action().accept(tradeId);
        }
    }
}
