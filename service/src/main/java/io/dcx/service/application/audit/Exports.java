package io.dcx.service.application.audit;

import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.ExportSource;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.audit.CsvCells;
import io.dcx.service.domain.audit.ExportKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV exports of trades, alerts, cases and audit events for a period, for operators and regulators.
 *
 * <p>{@link #start} checks the period and writes the EXPORT audit event (who, kind, period, row count) in its own
 * transaction, committed before the first byte is sent: an export the client interrupts is still on record.
 * {@link #write} then streams the rows in keyset pages of {@value #PAGE} (one short transaction each), so memory
 * stays bounded by a page whatever the period.
 *
 * <p>The file is RFC 4180 (CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled) in UTF-8
 * with a byte-order mark: Excel (the tool supervisors in China open CSV with) reads a file without it in the
 * system code page (GBK) and garbles every Chinese title; RFC 4180 parsers and commons-csv with a BOM-aware reader
 * skip it. Cells are formatted and neutralised by {@link CsvCells}.
 */
@ApplicationScoped
public class Exports {
    static final int PAGE = 500;
    static final char BOM = '\uFEFF';

    private final ExportSource source;
    private final AuditLog audit;

    public Exports(ExportSource source, AuditLog audit) {
        this.source = source;
        this.audit = audit;
    }

    /** An export under way: what it covers and its audit event (rows of the log from that id on are left out). */
    public record Started(ExportKind kind, Instant from, Instant to, long rowCount, long auditEventId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Started start(Actor who, String kindName, Instant from, Instant to) {
        ExportKind kind = ExportKind.byUrlName(kindName).orElseThrow(() -> new DcxException(
                ErrorCode.EXPORT_KIND_NOT_FOUND, "no export " + kindName + ": trades, alerts, cases or audit-events"));
        if (from == null || to == null) {
            throw new DcxException(ErrorCode.INVALID_EXPORT_PERIOD,
                    "from and to are required: ISO-8601 instants such as 2026-11-01T00:00:00Z");
        }
        if (!from.isBefore(to)) {
            throw new DcxException(ErrorCode.INVALID_EXPORT_PERIOD, "from must be before to");
        }
        long rows = source.count(kind, from, to);
        long eventId = audit.record(new AuditLog.Event(Instant.now(), who.accountId(), "EXPORT", "export",
                kind.urlName(), null, AuditJson.of("kind", kind.urlName(), "from", from.toString(), "to",
                        to.toString(), "rows", rows), who.requestId()));
        return new Started(kind, from, to, rows, eventId);
    }

    /** Writes the whole file to {@code out}; answers the number of data rows written. */
    public long write(Started export, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(BOM);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader(
                    source.header(export.kind()).toArray(String[]::new)).get();
            long written = 0;
            try (CSVPrinter csv = new CSVPrinter(writer, format)) {
                ExportSource.Cursor after = null;
                while (true) {
                    ExportSource.Page page = source.page(export.kind(), export.from(), export.to(),
                            export.auditEventId(), after, PAGE);
                    for (List<Object> row : page.rows()) {
                        List<String> cells = new ArrayList<>(row.size());
                        for (Object v : row) {
                            cells.add(CsvCells.cell(v));
                        }
                        csv.printRecord(cells);
                        written++;
                    }
                    csv.flush();
                    if (page.rows().size() < PAGE) {
                        return written;
                    }
                    after = page.last();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
