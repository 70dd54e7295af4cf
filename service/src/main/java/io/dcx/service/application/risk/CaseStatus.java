package io.dcx.service.application.risk;

/**
 * Where a case stands. OPEN and ESCALATED cases are active: new alerts about the same subject join them. DISMISSED
 * is final; ACTIONED (an operator halted, froze or suspended) still takes further actions and escalation.
 */
public enum CaseStatus {
    OPEN, ESCALATED, DISMISSED, ACTIONED;

    public boolean active() {
        return this == OPEN || this == ESCALATED;
    }
}
