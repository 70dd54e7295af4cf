package io.dcx.service.api.dto;

/**
 * An operator's decision: {@code decision} APPROVE or REJECT; {@code reason} (required to reject);
 * {@code tier} to assign on approval (default by account type); {@code watchListOverride}, the reason required to
 * approve a submission that matched the watch list.
 */
public record KycDecisionRequest(String decision, String reason, String tier, String watchListOverride) {
}
