package io.dcx.service.application;

import io.dcx.service.application.port.CreatorStatements;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** A creator's own view: the works they are a creator of, and the royalties their works earned on resales. */
@ApplicationScoped
public class CreatorQueries {
    public static final int MAX_PAGE = 500;

    private final CreatorStatements statements;
    private final WorkCatalog catalog;

    public CreatorQueries(CreatorStatements statements, WorkCatalog catalog) {
        this.statements = statements;
        this.catalog = catalog;
    }

    /** The caller's works (registrant or co-creator), newest first. */
    public List<Work> worksOf(AccountId creator, int limit) {
        return statements.workIdsOf(creator.value(), checked(limit)).stream()
                .map(catalog::byId)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The caller's royalty credits (newest first, at most {@code limit}) and the total over all of them. */
    public record Royalties(CreatorStatements.RoyaltyTotal total, List<CreatorStatements.RoyaltyCredit> credits) {
    }

    public Royalties royaltiesOf(AccountId creator, int limit) {
        return new Royalties(statements.royaltyTotalOf(creator.value()),
                statements.royaltiesOf(creator.value(), checked(limit)));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "limit must be 1.." + MAX_PAGE);
        }
        return limit;
    }
}
