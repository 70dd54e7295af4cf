package io.dcx.service.api.dto;

/**
 * An operator's action on a case: {@code HALT_ASSET}, {@code FREEZE_ASSET}, {@code SUSPEND_ACCOUNT} (with the
 * asset or account as {@code target}, which must be named in the case's alerts; optional when the case names
 * exactly one), {@code ESCALATE} or {@code DISMISS}; always with a {@code reason}.
 */
public record CaseActionRequest(String action, String target, String reason) {
}
