package io.dcx.service.infrastructure.board;

import io.dcx.service.application.port.BidStore;
import io.dcx.service.domain.board.Bid;
import io.dcx.service.domain.board.BidStatus;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Auction bids in PostgreSQL ({@code auction_bid}), in placement order ({@code seq}). */
@ApplicationScoped
public class SqlBidStore implements BidStore {
    private static final String COLUMNS = "id, listing_id, bidder_id, amount_fen, commitment, salt, status,"
            + " invalid_reason, placed_at, revealed_at, closed_at";

    private final EntityManager em;

    public SqlBidStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Bid b) {
        bind(em.createNativeQuery("INSERT INTO auction_bid (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                        + " ?9, ?10, ?11)"),
                b.id(), b.listingId(), b.bidderId(), b.amountFen(), b.commitment(), b.salt(), b.status().name(),
                b.invalidReason(), b.placedAt(), b.revealedAt(), b.closedAt())
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Bid b) {
        bind(em.createNativeQuery("UPDATE auction_bid SET amount_fen = ?1, salt = ?2, status = ?3, invalid_reason = ?4,"
                        + " revealed_at = ?5, closed_at = ?6 WHERE id = ?7"),
                b.amountFen(), b.salt(), b.status().name(), b.invalidReason(), b.revealedAt(), b.closedAt(), b.id())
                .executeUpdate();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Bid> find(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM auction_bid WHERE id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(SqlBidStore::bid);
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Bid> ofListing(String listingId) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM auction_bid WHERE listing_id = ?1"
                        + " ORDER BY seq")
                .setParameter(1, listingId)
                .getResultList();
        return rows.stream().map(SqlBidStore::bid).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> cancelledWithLiveBids(int limit) {
        return em.createNativeQuery("SELECT DISTINCT b.listing_id FROM auction_bid b JOIN board_listing l"
                        + " ON l.id = b.listing_id WHERE b.status IN ('ACTIVE', 'REVEALED', 'COMMITTED')"
                        + " AND l.status = 'CANCELLED' LIMIT ?1")
                .setParameter(1, limit)
                .getResultList();
    }

    private static Bid bid(Object[] r) {
        return new Bid((String) r[0], (String) r[1], (String) r[2],
                r[3] == null ? null : ((Number) r[3]).longValue(),
                r[4] == null ? null : ((String) r[4]).strip(),
                (String) r[5], BidStatus.valueOf((String) r[6]), (String) r[7], SqlSignalStore.instant(r[8]),
                r[9] == null ? null : SqlSignalStore.instant(r[9]),
                r[10] == null ? null : SqlSignalStore.instant(r[10]));
    }

    private static Query bind(Query query, Object... values) {
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query;
    }
}
