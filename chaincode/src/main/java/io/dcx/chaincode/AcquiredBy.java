package io.dcx.chaincode;

/** How the current owner acquired an asset. Holding periods apply to TRADE and TRANSFER, not to ISSUE. */
public enum AcquiredBy {
    ISSUE, TRADE, TRANSFER
}
