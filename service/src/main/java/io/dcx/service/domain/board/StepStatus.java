package io.dcx.service.domain.board;

/**
 * A saga step's record: written {@code STARTED} before the step is sent (the outbox), then {@code DONE} or
 * {@code FAILED}. A step found {@code STARTED} after a crash may or may not have taken effect, so it is sent again;
 * every step is idempotent, which makes that safe.
 */
public enum StepStatus {
    STARTED, DONE, FAILED
}
