package io.dcx.service.infrastructure.board;

import static io.dcx.service.infrastructure.board.Rows.bind;

import io.dcx.service.application.port.ListingStore;
import io.dcx.service.domain.asset.Asset.AssetKind;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Listings in PostgreSQL ({@code board_listing}). */
@ApplicationScoped
public class SqlListingStore implements ListingStore {
    private static final String COLUMNS = "id, asset_id, work_id, asset_kind, seller_id, type, price_fen, reserve_fen,"
            + " min_increment_fen, ends_at, reveal_ends_at, extension_seconds, disclosure, licence_terms, status,"
            + " trade_id, created_at, updated_at";

    private final EntityManager em;

    public SqlListingStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(Listing l) {
        return bind(em.createNativeQuery("INSERT INTO board_listing (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5,"
                        + " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) ON CONFLICT DO NOTHING"),
                l.id(), l.assetId(), l.workId(), l.assetKind().name(), l.sellerId(), l.type().name(), l.priceFen(),
                l.reserveFen(), l.minIncrementFen(), l.endsAt(), l.revealEndsAt(), l.extensionSeconds(),
                l.disclosure(), l.licenceTerms(), l.status().name(), l.tradeId(), l.createdAt(), l.updatedAt())
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public Optional<Listing> find(String id) {
        return one("SELECT " + COLUMNS + " FROM board_listing WHERE id = ?1", id);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Listing> findForUpdate(String id) {
        return one("SELECT " + COLUMNS + " FROM board_listing WHERE id = ?1 FOR UPDATE", id);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Listing l) {
        bind(em.createNativeQuery("UPDATE board_listing SET status = ?1, trade_id = ?2, ends_at = ?3, updated_at = ?4"
                + " WHERE id = ?5"), l.status().name(), l.tradeId(), l.endsAt(), l.updatedAt(), l.id())
                .executeUpdate();
    }

    @Override
    @Transactional
    public List<Listing> search(ListingStatus status, ListingType type, String workId, String sellerId, int offset,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM board_listing WHERE true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            args.add(status.name());
            sql.append(" AND status = ?").append(args.size());
        }
        if (type != null) {
            args.add(type.name());
            sql.append(" AND type = ?").append(args.size());
        }
        if (workId != null) {
            args.add(workId);
            sql.append(" AND work_id = ?").append(args.size());
        }
        if (sellerId != null) {
            args.add(sellerId);
            sql.append(" AND seller_id = ?").append(args.size());
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return rows(bind(em.createNativeQuery(sql.toString()), args.toArray()).getResultList());
    }

    @Override
    @Transactional
    public List<Listing> dueAuctions(Instant now, int limit) {
        return rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM board_listing WHERE status = 'OPEN' AND ("
                + "(type = 'ENGLISH_AUCTION' AND ends_at <= ?1) OR (type = 'SEALED_BID_AUCTION' AND reveal_ends_at <= ?1))"
                + " ORDER BY ends_at, id LIMIT " + limit), now).getResultList());
    }

    private Optional<Listing> one(String sql, String id) {
        return rows(bind(em.createNativeQuery(sql), id).getResultList()).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    static List<Listing> rows(List<?> result) {
        List<Listing> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) result) {
            out.add(new Listing((String) r[0], (String) r[1], (String) r[2], AssetKind.valueOf((String) r[3]),
                    (String) r[4], ListingType.valueOf((String) r[5]), Rows.longOrNull(r[6]), Rows.longOrNull(r[7]),
                    Rows.longOrNull(r[8]), Rows.instant(r[9]), Rows.instant(r[10]), Rows.intOrNull(r[11]),
                    (String) r[12], (String) r[13], ListingStatus.valueOf((String) r[14]), (String) r[15],
                    Rows.instant(r[16]), Rows.instant(r[17])));
        }
        return out;
    }
}
