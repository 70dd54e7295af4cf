package io.dcx.service.api.dto;

import io.dcx.service.application.audit.LookThroughLog;
import java.util.List;

/** A page of look-throughs, newest first; {@code nextCursor} is null on the last page. */
public record LookThroughLogResponse(List<LookThroughLog.LookUp> lookUps, String nextCursor) {
    public static LookThroughLogResponse of(LookThroughLog.Page page) {
        return new LookThroughLogResponse(page.lookUps(), page.nextCursor());
    }
}
