package io.dcx.service.application.audit;

import io.dcx.service.application.port.AuditTrail;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.audit.AuditChain;
import io.dcx.service.domain.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The audit log for operators and regulators: filtered pages, and a check of the whole chain. */
@ApplicationScoped
public class AuditQueries {
    private static final int VERIFY_PAGE = 2000;

    private final AuditTrail trail;

    public AuditQueries(AuditTrail trail) {
        this.trail = trail;
    }

    /** A page of events, newest first; {@code nextCursor} is null on the last page. */
    public record Page(List<AuditEntry> events, String nextCursor) {
    }

    public Page page(AuditTrail.Filter filter, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, 500));
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw new DcxException(ErrorCode.INVALID_REQUEST, "cursor: not a cursor this API gave");
            }
        }
        List<AuditEntry> rows = trail.page(filter, before, size + 1);
        boolean more = rows.size() > size;
        List<AuditEntry> events = more ? rows.subList(0, size) : rows;
        return new Page(List.copyOf(events), more ? Long.toString(events.get(events.size() - 1).id()) : null);
    }

    /** What a check of the chain found. */
    public record Integrity(boolean intact, long sealed, long unsealed, long headSeq, String headHash,
            List<AuditChain.Break> breaks) {
    }

    /** Walks the whole chain from the first row and compares its end with the head. */
    public Integrity verify() {
        AuditTrail.Head head = trail.head();
        List<AuditChain.Break> breaks = new ArrayList<>();
        long seq = 0;
        String hash = AuditChain.GENESIS;
        long count = 0;
        while (true) {
            List<AuditEntry> page = trail.sealedAfter(seq, VERIFY_PAGE);
            if (page.isEmpty()) {
                break;
            }
            breaks.addAll(AuditChain.verify(page, seq, hash));
            AuditEntry last = page.get(page.size() - 1);
            seq = last.seq();
            hash = last.hash();
            count += page.size();
        }
        if (seq < head.seq()) {
            breaks.add(new AuditChain.Break(seq + 1, -1, "rows " + (seq + 1) + ".." + head.seq()
                    + " of the chain are missing at its end"));
        } else if (seq == head.seq() && !hash.equals(head.hash())) {
            breaks.add(new AuditChain.Break(seq, -1, "the last row does not match the chain's head"));
        }
        return new Integrity(breaks.isEmpty(), count, trail.unsealedCount(), head.seq(), head.hash(),
                List.copyOf(breaks));
    }
}
