package io.dcx.service.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit log's hash chain. A sealed row's hash is SHA-256 over its canonical form: the fields
 * {@code seq, id, at, actor, action, subjectType, subjectId, beforeJson, afterJson, requestId, prevHash}, each written
 * as its UTF-8 length in decimal, a colon and the bytes (null as {@code -1:}), so no two different rows share a form.
 * {@code at} is the ISO-8601 instant to the microsecond. The first row's {@code prevHash} is 64 zeros.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hashOf(long seq, AuditEntry e, String prevHash) {
        StringBuilder form = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), Long.toString(e.id()), micros(e.at()), e.actor(),
                e.action(), e.subjectType(), e.subjectId(), e.beforeJson(), e.afterJson(), e.requestId(), prevHash}) {
            if (field == null) {
                form.append("-1:");
            } else {
                form.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(form.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** A place where the chain does not hold. */
    public record Break(long seq, long id, String reason) {
    }

    /**
     * Checks sealed rows given in seq order, continuing from {@code previousSeq} and {@code previousHash} (0 and
     * {@link #GENESIS} at the start): seq numbers without gaps, each row linked to the one before, each hash matching
     * the row. Answers every break found.
     */
    public static List<Break> verify(List<AuditEntry> sealedInOrder, long previousSeq, String previousHash) {
        List<Break> breaks = new ArrayList<>();
        long expectSeq = previousSeq + 1;
        String expectPrev = previousHash;
        for (AuditEntry e : sealedInOrder) {
            if (e.seq() != expectSeq) {
                breaks.add(new Break(e.seq(), e.id(), "expected seq " + expectSeq + ": rows are missing"));
            }
            if (!e.prevHash().equals(expectPrev)) {
                breaks.add(new Break(e.seq(), e.id(), "prev_hash does not link to the row before"));
            }
            if (!hashOf(e.seq(), e, e.prevHash()).equals(e.hash())) {
                breaks.add(new Break(e.seq(), e.id(), "the row does not match its hash: it was changed"));
            }
            expectSeq = e.seq() + 1;
            expectPrev = e.hash();
        }
        return breaks;
    }
}
