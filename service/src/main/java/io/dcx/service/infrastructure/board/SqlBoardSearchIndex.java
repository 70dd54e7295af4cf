package io.dcx.service.infrastructure.board;

import static io.dcx.service.infrastructure.board.Rows.bind;

import io.dcx.service.application.port.BoardSearchIndex;
import io.dcx.service.domain.board.Listing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The board's search over {@code board_listing}, joined with the works and assets read models. */
@ApplicationScoped
public class SqlBoardSearchIndex implements BoardSearchIndex {
    private static final String SELECT = "SELECT l.id, l.asset_id, l.work_id, l.asset_kind, l.seller_id, l.type,"
            + " l.price_fen, l.reserve_fen, l.min_increment_fen, l.ends_at, l.reveal_ends_at, l.extension_seconds,"
            + " l.disclosure, l.licence_terms, l.status, l.trade_id, l.created_at, l.updated_at,"
            + " w.title, w.kind, a.edition, a.edition_count"
            + " FROM board_listing l LEFT JOIN work w ON w.id = l.work_id LEFT JOIN asset a ON a.id = l.asset_id";

    private final EntityManager em;

    public SqlBoardSearchIndex(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<Entry> search(Query q) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (q.status() != null) {
            args.add(q.status().name());
            sql.append(" AND l.status = ?").append(args.size());
        }
        if (q.type() != null) {
            args.add(q.type().name());
            sql.append(" AND l.type = ?").append(args.size());
        }
        if (q.assetKind() != null) {
            args.add(q.assetKind().name());
            sql.append(" AND l.asset_kind = ?").append(args.size());
        }
        if (q.workId() != null) {
            args.add(q.workId());
            sql.append(" AND l.work_id = ?").append(args.size());
        }
        if (q.sellerId() != null) {
            args.add(q.sellerId());
            sql.append(" AND l.seller_id = ?").append(args.size());
        }
        if (q.text() != null) {
            args.add("%" + likeEscaped(q.text().toLowerCase(Locale.ROOT)) + "%");
            int like = args.size();
            args.add(q.text());
            int exact = args.size();
            sql.append(" AND (lower(w.title) LIKE ?").append(like).append(" ESCAPE '\\'")
                    .append(" OR l.work_id = ?").append(exact).append(" OR l.asset_id = ?").append(exact)
                    .append(" OR l.id = ?").append(exact).append(')');
        }
        if (q.minPriceFen() != null) {
            args.add(q.minPriceFen());
            sql.append(" AND COALESCE(l.price_fen, l.reserve_fen) >= ?").append(args.size());
        }
        if (q.maxPriceFen() != null) {
            args.add(q.maxPriceFen());
            sql.append(" AND COALESCE(l.price_fen, l.reserve_fen) <= ?").append(args.size());
        }
        sql.append(" ORDER BY l.created_at DESC, l.id LIMIT ").append(q.limit()).append(" OFFSET ").append(q.offset());
        return entries(bind(em.createNativeQuery(sql.toString()), args.toArray()).getResultList());
    }

    @Override
    @Transactional
    public Optional<Entry> find(String listingId) {
        return entries(bind(em.createNativeQuery(SELECT + " WHERE l.id = ?1"), listingId).getResultList()).stream()
                .findFirst();
    }

    /** Escapes LIKE's wildcards so a search for "50%" finds the characters, not everything. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> entries(List<?> result) {
        List<Object[]> rows = (List<Object[]>) result;
        List<Listing> listings = SqlListingStore.rows(rows);
        List<Entry> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            out.add(new Entry(listings.get(i), (String) r[18], (String) r[19], Rows.intOrNull(r[20]),
                    Rows.intOrNull(r[21])));
        }
        return out;
    }
}
