package io.dcx.service.application.reconciliation;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.ledger.BlockHeader;
import io.dcx.service.application.ledger.BlockIntegrity;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Block integrity for operators and regulators: a walk of the whole hash chain (audited), and single headers. */
@ApplicationScoped
public class BlockChecks {
    private final Ledger ledger;
    private final BlockIntegrity integrity;
    private final AuditLog audit;

    public BlockChecks(Ledger ledger, BlockIntegrity integrity, AuditLog audit) {
        this.ledger = ledger;
        this.integrity = integrity;
        this.audit = audit;
    }

    /** The first block that does not match, and why. */
    public record Break(long block, String problem) {
    }

    /** {@code height}: blocks committed when the walk began; {@code checked}: blocks found good from block 0. */
    public record Report(boolean intact, long height, long checked, Break firstBreak) {
    }

    /** Walks the chain from block 0; the check and its outcome are an audit event. */
    @Transactional
    public Report verify(Actor actor) {
        long height = ledger.height();
        BlockIntegrity.Verification v = integrity.verify();
        Report report = new Report(v.intact(), height, v.checked(),
                v.intact() ? null : new Break(v.firstBrokenBlock(), v.problem()));
        audit.record(new AuditLog.Event(Instant.now(), actor.accountId(), "BLOCKS_VERIFIED", "LEDGER", "blocks",
                null, AuditJson.of("intact", report.intact(), "height", height, "checked", v.checked(),
                        "firstBrokenBlock", v.firstBrokenBlock(), "problem", v.problem()), actor.requestId()));
        return report;
    }

    /** The header of block {@code number}. */
    public BlockHeader block(long number) {
        long height = ledger.height();
        if (number < 0 || number >= height) {
            throw new DcxException(ErrorCode.BLOCK_NOT_FOUND, "no block " + number + "; the height is " + height);
        }
        return ledger.block(number);
    }
}
