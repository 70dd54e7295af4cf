package io.dcx.service.domain.kyc;

/**
 * Facts that, shared by two accounts, suggest one person or group is behind both. {@code ID_NUMBER} and
 * {@code CREDIT_CODE} mean the same verified party; the others mean accounts that are linked.
 */
public enum SignalKind {
    ID_NUMBER, CREDIT_CODE, PHONE, BANK_CARD, DEVICE, ADDRESS;

    /** A shared value of this kind identifies the same party, not only a link. */
    public boolean identifiesParty() {
        return this == ID_NUMBER || this == CREDIT_CODE;
    }
}
