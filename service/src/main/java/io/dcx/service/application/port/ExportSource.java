package io.dcx.service.application.port;

import io.dcx.service.domain.audit.ExportKind;
import java.time.Instant;
import java.util.List;

/**
 * The rows of an export, read in keyset pages ordered by (time, id) so no export holds a table in memory or a
 * transaction open while the client downloads. Cells are Instant, Long, Boolean or String (or null).
 */
public interface ExportSource {
    /** The column names, in the order of the cells of each row. */
    List<String> header(ExportKind kind);

    /** Rows whose time is in [from, to). */
    long count(ExportKind kind, Instant from, Instant to);

    /**
     * Up to {@code limit} rows in [from, to) after {@code after} (null: from the start). For audit events, only rows
     * with an id below {@code auditIdBelow} (if given), so an export of the log never contains its own event.
     */
    Page page(ExportKind kind, Instant from, Instant to, Long auditIdBelow, Cursor after, int limit);

    /** Where a page ended: the last row's time and id. */
    record Cursor(Instant at, String id) {
    }

    record Page(List<List<Object>> rows, Cursor last) {
    }
}
