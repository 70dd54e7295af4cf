package io.dcx.service.infrastructure.persistence;

import io.dcx.service.application.port.LicenceBook;
import io.dcx.service.domain.licence.Licence;
import io.dcx.service.domain.licence.LicenceScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The licence read model in PostgreSQL. */
@ApplicationScoped
public class PanacheLicenceBook implements LicenceBook, PanacheRepositoryBase<LicenceEntity, String> {

    @Override
    public Optional<Licence> byId(String id) {
        return findByIdOptional(id).map(PanacheLicenceBook::toLicence);
    }

    @Override
    public List<Licence> byWork(String workId) {
        return list("workId = ?1 order by grantedAt, id", workId).stream().map(PanacheLicenceBook::toLicence).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Licence l) {
        // The granting request and the projector both write it: first one wins, the facts are the same.
        getEntityManager().createNativeQuery("INSERT INTO licence (id, work_id, licensee, grantor, commercial_use, "
                        + "derivatives, territory, exclusive, fee_fen, valid_from, valid_until, granted_at, tx_id, "
                        + "block_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                        + "ON CONFLICT (id) DO NOTHING")
                .setParameter(1, l.id())
                .setParameter(2, l.workId())
                .setParameter(3, l.licenseeId())
                .setParameter(4, l.grantorId())
                .setParameter(5, l.scope().commercialUse())
                .setParameter(6, l.scope().derivatives())
                .setParameter(7, l.scope().territory())
                .setParameter(8, l.scope().exclusive())
                .setParameter(9, l.feeFen())
                .setParameter(10, l.validFrom())
                .setParameter(11, l.validUntil())
                .setParameter(12, l.grantedAt())
                .setParameter(13, l.txId())
                .setParameter(14, l.blockNumber())
                .executeUpdate();
    }

    private static Licence toLicence(LicenceEntity e) {
        return new Licence(e.id, e.workId, e.licensee, e.grantor,
                new LicenceScope(e.commercialUse, e.derivatives, e.territory, e.exclusive), e.feeFen, e.validFrom,
                e.validUntil, e.grantedAt, e.txId, e.blockNumber);
    }
}
