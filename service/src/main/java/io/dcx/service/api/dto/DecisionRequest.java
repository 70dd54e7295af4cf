package io.dcx.service.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator's decision on a registration held for review. */
public record DecisionRequest(
        @Schema(enumeration = {"REGISTER", "REJECT"}, required = true) String decision,
        @Schema(description = "required for REJECT; at most 1000 characters") String reason) {
}
