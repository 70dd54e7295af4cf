package io.dcx.service.api.dto;

/** A request whose only content is the required reason (for example a suspension). */
public record ReasonRequest(String reason) {
}
