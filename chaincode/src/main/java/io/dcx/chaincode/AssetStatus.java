package io.dcx.chaincode;

/**
 * Status of an asset: ACTIVE (free to lock or transfer), LOCKED (held by a trade), FROZEN (by the exchange; a
 * frozen asset may still carry the lock it had, which settles nothing until it is unfrozen).
 */
public enum AssetStatus {
    ACTIVE, LOCKED, FROZEN
}
