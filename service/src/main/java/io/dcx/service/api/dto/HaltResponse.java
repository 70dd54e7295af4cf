package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.board.Halt;
import java.time.Instant;

/** A trading halt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HaltResponse(String id, String scope, String targetId, String reason, Instant until, String createdBy,
        Instant createdAt, Instant liftedAt, String liftedBy, boolean inForce) {

    public static HaltResponse of(Halt h) {
        return new HaltResponse(h.id(), h.scope().name(), h.targetId(), h.reason(), h.until(), h.createdBy(),
                h.createdAt(), h.liftedAt(), h.liftedBy(), h.inForce(Instant.now()));
    }
}
