package io.dcx.service.api.dto;

/** One anchoring run: the anchor sent or finished (null: nothing to anchor) and the leaves still waiting. */
public record AnchorRunResponse(boolean anchored, AnchorResponse anchor, long pendingLeaves) {
}
