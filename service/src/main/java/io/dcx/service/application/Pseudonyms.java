package io.dcx.service.application;

import io.dcx.service.domain.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns an identity provider subject into the pseudonymous account id used on chain. */
@ApplicationScoped
public class Pseudonyms {
    private final byte[] key;

    public Pseudonyms(@ConfigProperty(name = "dcx.pseudonym-key") String key) {
        if (key.length() < 16) {
            throw new IllegalStateException("dcx.pseudonym-key (DCX_PSEUDONYM_KEY) must have at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    public AccountId accountFor(String subject) {
        return AccountId.forSubject(key, subject);
    }
}
