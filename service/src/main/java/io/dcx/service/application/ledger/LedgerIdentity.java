package io.dcx.service.application.ledger;

/**
 * Which consortium identity signs a call. The service holds one client identity per org it acts for: the
 * exchange's (trading, settlement, freezes, board policy) and the copyright authority's (registrations,
 * licences). The regulator's identity is read-only; the contract refuses it on every write.
 */
public enum LedgerIdentity {
    EXCHANGE("ExchangeMSP"),
    COPYRIGHT("CopyrightMSP"),
    REGULATOR("RegulatorMSP");

    private final String mspId;

    LedgerIdentity(String mspId) {
        this.mspId = mspId;
    }

    public String mspId() {
        return mspId;
    }
}
