package io.dcx.service.api;

import io.dcx.service.application.audit.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for the account, KYC and money endpoints: the pseudonymous account id (from
 * {@link CurrentAccount}), the identity-provider subject (only ever hashed), the roles, and the request id that
 * audit events carry: the client's {@code X-Request-Id} when it is a short printable token, else a new UUID.
 */
@RequestScoped
public class Caller {
    static final String REQUEST_ID = "X-Request-Id";

    private final CurrentAccount account;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    private String requestId;

    public Caller(CurrentAccount account, SecurityIdentity identity, CurrentVertxRequest request) {
        this.account = account;
        this.identity = identity;
        this.request = request;
    }

    public String accountId() {
        return account.id().value();
    }

    public String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Actor actor() {
        return new Actor(accountId(), requestId());
    }

    public String requestId() {
        if (requestId == null) {
            String given = request.getCurrent() == null ? null : request.getCurrent().request().getHeader(REQUEST_ID);
            requestId = given != null && given.matches("[\\x21-\\x7E]{1,128}") ? given : UUID.randomUUID().toString();
        }
        return requestId;
    }
}
