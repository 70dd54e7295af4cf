package io.dcx.service.application.audit;

/**
 * Who asks: the caller's pseudonymous account id, and the request id that ties audit events to the request
 * (the client's {@code X-Request-Id}, or one made up for it).
 */
public record Actor(String accountId, String requestId) {
    public static final String SYSTEM = "system";

    public Actor {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("an actor has an account id");
        }
    }
}
