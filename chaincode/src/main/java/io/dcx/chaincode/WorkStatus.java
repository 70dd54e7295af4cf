package io.dcx.chaincode;

/**
 * Status of a work. Only an ACTIVE work can have assets issued, traded or licensed. REVOKED is final: a revoked
 * work never changes status again.
 */
public enum WorkStatus {
    ACTIVE, DISPUTED, FROZEN, REVOKED
}
