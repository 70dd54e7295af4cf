package io.dcx.service.application.rights;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.WorkQueries;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.application.port.LicenceBook;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.RandomIds;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.licence.Licence;
import io.dcx.service.domain.licence.LicenceTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Grants licences on a work through the copyright authority's identity (works:GrantLicence) and reads them. The
 * grantor is the calling creator; the contract checks again that the grantor is a creator, that the work is ACTIVE,
 * and that no exclusive licence overlaps another in time (LICENCE_CONFLICT).
 */
@ApplicationScoped
public class Licensing {
    private static final Pattern LICENCE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final LedgerWrites ledger;
    private final OwnWorks ownWorks;
    private final WorkQueries works;
    private final LicenceBook licences;
    private final ChainIndex chainIndex;

    public Licensing(LedgerWrites ledger, OwnWorks ownWorks, WorkQueries works, LicenceBook licences,
            ChainIndex chainIndex) {
        this.ledger = ledger;
        this.ownWorks = ownWorks;
        this.works = works;
        this.licences = licences;
        this.chainIndex = chainIndex;
    }

    public Licence grant(String workId, AccountId grantor, LicenceTerms terms) {
        Work work = ownWorks.of(workId, grantor);
        if (terms.licenseeId().equals(grantor.value())) {
            throw new DcxException(ErrorCode.LICENSEE_IS_GRANTOR, "a creator cannot license a work to themselves");
        }
        if (!"ACTIVE".equals(work.status())) {
            throw EditionIssuance.notTradable(work.id(), work.status());
        }
        String licenceId = RandomIds.next("lic_");
        ObjectNode request = ChainJson.object();
        request.put("id", licenceId);
        request.put("workId", work.id());
        request.put("licenseeId", terms.licenseeId());
        request.put("grantorId", grantor.value());
        request.putObject("scope")
                .put("commercialUse", terms.scope().commercialUse())
                .put("derivatives", terms.scope().derivatives())
                .put("territory", terms.scope().territory())
                .put("exclusive", terms.scope().exclusive());
        request.put("feeFen", terms.feeFen());
        request.put("validFrom", terms.validFrom().toString());
        request.put("validUntil", terms.validUntil().toString());

        CommittedTransaction tx = ledger.submit(LedgerIdentity.COPYRIGHT, "works:GrantLicence",
                rejected -> refusal(rejected, work.id()), ChainJson.write(request));
        Licence licence = RightsJson.licence(ChainJson.parse(tx.payload()), tx.blockNumber());
        record(tx, licence);
        return licence;
    }

    @Transactional
    void record(CommittedTransaction tx, Licence licence) {
        chainIndex.recordTransaction(tx.txId(), tx.blockNumber(), tx.timestamp());
        licences.insert(licence);
    }

    public List<Licence> ofWork(String workId) {
        return licences.byWork(works.byId(workId).id());
    }

    public Licence byId(String id) {
        if (id == null || !LICENCE_ID.matcher(id).matches()) {
            throw notFound(id);
        }
        return licences.byId(id).orElseThrow(() -> notFound(id));
    }

    private static DcxException notFound(String id) {
        return new DcxException(ErrorCode.LICENCE_NOT_FOUND, "no licence with id " + id);
    }

    private static DcxException refusal(ContractRejectedException rejected, String workId) {
        return switch (rejected.code()) {
            case "LICENCE_CONFLICT" -> new DcxException(ErrorCode.LICENCE_CONFLICT, rejected.detail());
            case "WORK_NOT_TRADABLE" -> new DcxException(ErrorCode.WORK_NOT_TRADABLE, rejected.detail());
            case "WORK_NOT_FOUND", "NOT_OWNER" -> new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + workId);
            // A clash of 100-bit random ids: nothing was written; the client may simply send it again.
            case "LICENCE_EXISTS" -> new DcxException(ErrorCode.LEDGER_CONFLICT,
                    "the licence id clashed with an existing one; try again", Map.of());
            default -> null;
        };
    }
}
