package io.dcx.service.infrastructure.board;

import static io.dcx.service.infrastructure.board.Rows.bind;

import io.dcx.service.application.port.HaltStore;
import io.dcx.service.domain.board.Halt;
import io.dcx.service.domain.board.HaltScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Trading halts in PostgreSQL ({@code board_halt}). */
@ApplicationScoped
public class SqlHaltStore implements HaltStore {
    private static final String COLUMNS = "id, scope, target_id, reason, until, created_by, created_at, lifted_at,"
            + " lifted_by";

    private final EntityManager em;

    public SqlHaltStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Halt h) {
        bind(em.createNativeQuery("INSERT INTO board_halt (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                        + " ?9)"), h.id(), h.scope().name(), h.targetId(), h.reason(), h.until(), h.createdBy(),
                h.createdAt(), h.liftedAt(), h.liftedBy()).executeUpdate();
    }

    @Override
    @Transactional
    public Optional<Halt> find(String id) {
        return rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM board_halt WHERE id = ?1"), id)
                .getResultList()).stream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Halt h) {
        bind(em.createNativeQuery("UPDATE board_halt SET lifted_at = ?1, lifted_by = ?2 WHERE id = ?3"),
                h.liftedAt(), h.liftedBy(), h.id()).executeUpdate();
    }

    @Override
    @Transactional
    public List<Halt> inForce(Instant now) {
        return rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM board_halt WHERE lifted_at IS NULL AND"
                + " (until IS NULL OR until > ?1) ORDER BY created_at, id"), now).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<Halt> rows(List<?> result) {
        List<Halt> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) result) {
            out.add(new Halt((String) r[0], HaltScope.valueOf((String) r[1]), (String) r[2], (String) r[3],
                    Rows.instant(r[4]), (String) r[5], Rows.instant(r[6]), Rows.instant(r[7]), (String) r[8]));
        }
        return out;
    }
}
