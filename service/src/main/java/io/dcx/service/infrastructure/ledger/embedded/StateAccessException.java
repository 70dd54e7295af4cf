package io.dcx.service.infrastructure.ledger.embedded;

/** The embedded ledger's database failed during a simulation or a commit. */
final class StateAccessException extends RuntimeException {
    StateAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
