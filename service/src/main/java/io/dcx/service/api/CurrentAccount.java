package io.dcx.service.api;

import io.dcx.service.application.Pseudonyms;
import io.dcx.service.domain.AccountId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's pseudonymous account, derived from the token's subject. */
@RequestScoped
public class CurrentAccount {
    private final SecurityIdentity identity;
    private final Pseudonyms pseudonyms;

    public CurrentAccount(SecurityIdentity identity, Pseudonyms pseudonyms) {
        this.identity = identity;
        this.pseudonyms = pseudonyms;
    }

    public AccountId id() {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
        return pseudonyms.accountFor(subject);
    }
}
