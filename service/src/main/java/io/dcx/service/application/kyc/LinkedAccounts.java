package io.dcx.service.application.kyc;

import io.dcx.service.application.port.SignalStore;
import io.dcx.service.domain.kyc.SignalKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which accounts share identifying facts, for the risk rules SELF_TRADE (the same verified party: same id number
 * or credit code) and LINKED_ACCOUNTS (shared phone, bank card, device or address).
 */
@ApplicationScoped
public class LinkedAccounts {
    private final SignalStore signals;

    public LinkedAccounts(SignalStore signals) {
        this.signals = signals;
    }

    public List<KycView.LinkedAccount> of(String accountId) {
        return KycViews.linked(signals.linksOf(accountId));
    }

    /** The kinds of fact the two accounts share (empty when unrelated). */
    public Set<SignalKind> shared(String accountId, String otherAccountId) {
        return signals.linksOf(accountId).stream()
                .filter(l -> l.linkedAccountId().equals(otherAccountId))
                .map(SignalStore.Link::kind)
                .collect(Collectors.toSet());
    }

    /** Both accounts belong to the same verified person or organisation. */
    public boolean samePerson(String accountId, String otherAccountId) {
        return accountId.equals(otherAccountId)
                || shared(accountId, otherAccountId).stream().anyMatch(SignalKind::identifiesParty);
    }
}
