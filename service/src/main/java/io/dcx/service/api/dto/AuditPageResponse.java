package io.dcx.service.api.dto;

import java.util.List;

/** A page of audit events, newest first; pass {@code nextCursor} as {@code cursor} for the next (null: the end). */
public record AuditPageResponse(List<AuditEventResponse> events, String nextCursor) {
}
