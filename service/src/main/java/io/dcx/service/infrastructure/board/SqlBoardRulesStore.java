package io.dcx.service.infrastructure.board;

import static io.dcx.service.infrastructure.board.Rows.bind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.port.BoardRulesStore;
import io.dcx.service.domain.asset.Asset.AssetKind;
import io.dcx.service.domain.board.BoardRules;
import io.dcx.service.domain.board.ListingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The service's half of board policy in PostgreSQL ({@code board_rules}, one row). */
@ApplicationScoped
public class SqlBoardRulesStore implements BoardRulesStore {
    private final EntityManager em;
    private final ObjectMapper json;

    public SqlBoardRulesStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<BoardRules> current() {
        List<Object[]> rows = em.createNativeQuery("SELECT listing_types_json, fee_bps, royalty_bps, price_band_bps"
                + " FROM board_rules WHERE id = 1").getResultList();
        return rows.stream().findFirst().map(r -> {
            try {
                Map<AssetKind, Set<ListingType>> types = json.readValue((String) r[0],
                        new TypeReference<Map<AssetKind, Set<ListingType>>>() { });
                return new BoardRules(types, ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                        ((Number) r[3]).intValue());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("board_rules has unreadable listing types", e);
            }
        });
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(BoardRules rules, String by, Instant at) {
        String types;
        try {
            types = json.writeValueAsString(rules.listingTypes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        bind(em.createNativeQuery("INSERT INTO board_rules (id, listing_types_json, fee_bps, royalty_bps,"
                        + " price_band_bps, updated_by, updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id)"
                        + " DO UPDATE SET listing_types_json = ?1, fee_bps = ?2, royalty_bps = ?3, price_band_bps = ?4,"
                        + " updated_by = ?5, updated_at = ?6"), types, rules.feeBps(), rules.royaltyBps(),
                rules.priceBandBps(), by, at).executeUpdate();
    }
}
