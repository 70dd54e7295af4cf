package io.dcx.service.infrastructure.board;

import static io.dcx.service.infrastructure.board.Rows.bind;

import io.dcx.service.application.port.OfferStore;
import io.dcx.service.domain.board.Offer;
import io.dcx.service.domain.board.OfferStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Named offers in PostgreSQL ({@code board_offer}). */
@ApplicationScoped
public class SqlOfferStore implements OfferStore {
    private static final String COLUMNS = "id, listing_id, asset_id, seller_id, buyer_id, amount_fen, counter_fen,"
            + " message, status, hold_reference, trade_id, created_at, updated_at";

    private final EntityManager em;

    public SqlOfferStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Offer o) {
        bind(em.createNativeQuery("INSERT INTO board_offer (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                        + " ?9, ?10, ?11, ?12, ?13)"), o.id(), o.listingId(), o.assetId(), o.sellerId(), o.buyerId(),
                o.amount().fen(), Rows.fen(o.counterAmount()), o.message(), o.status().name(), o.holdReference(),
                o.tradeId(), o.createdAt(), o.updatedAt()).executeUpdate();
    }

    @Override
    @Transactional
    public Optional<Offer> find(String id) {
        return rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM board_offer WHERE id = ?1"), id)
                .getResultList()).stream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Offer> findForUpdate(String id) {
        return rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM board_offer WHERE id = ?1 FOR UPDATE"), id)
                .getResultList()).stream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Offer o) {
        bind(em.createNativeQuery("UPDATE board_offer SET counter_fen = ?1, status = ?2, hold_reference = ?3,"
                        + " trade_id = ?4, updated_at = ?5 WHERE id = ?6"), Rows.fen(o.counterAmount()),
                o.status().name(), o.holdReference(), o.tradeId(), o.updatedAt(), o.id()).executeUpdate();
    }

    @Override
    @Transactional
    public List<Offer> byListing(String listingId, boolean openOnly) {
        return rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM board_offer WHERE listing_id = ?1"
                + (openOnly ? " AND status IN ('PENDING', 'COUNTERED')" : "") + " ORDER BY created_at, id"), listingId)
                .getResultList());
    }

    @Override
    @Transactional
    public List<Offer> byParty(String accountId, int limit) {
        return rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM board_offer WHERE buyer_id = ?1 OR"
                + " seller_id = ?1 ORDER BY created_at DESC, id LIMIT " + limit), accountId).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<Offer> rows(List<?> result) {
        List<Offer> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) result) {
            out.add(new Offer((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    Rows.money(r[5]), Rows.money(r[6]), (String) r[7], OfferStatus.valueOf((String) r[8]),
                    (String) r[9], (String) r[10], Rows.instant(r[11]), Rows.instant(r[12])));
        }
        return out;
    }
}
