package io.dcx.service.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The invariants every board test ends with: the journal balances (every entry, and all lines together), cached
 * balances equal the sums of their lines, every held balance equals its open holds, no trade is left settling, every
 * settled trade is captured exactly once and is on chain with the same buyer and terms, no failed trade is on chain,
 * and each traded asset has one owner, the same in the service's read model and on the chain.
 */
@ApplicationScoped
public class BoardInvariants {
    @Inject
    EntityManager em;
    @Inject
    Ledger ledger;

    @Transactional
    public void check() {
        assertThat(longs("SELECT entry_id FROM journal_line GROUP BY entry_id, currency HAVING sum(amount_fen) <> 0"))
                .as("journal entries that do not balance").isEmpty();
        assertThat(single("SELECT COALESCE(sum(amount_fen), 0) FROM journal_line")).as("sum of all lines").isZero();
        assertThat(strings("SELECT b.account_code FROM book_balance b LEFT JOIN (SELECT account_code, sum(amount_fen) s"
                + " FROM journal_line GROUP BY account_code) l ON l.account_code = b.account_code"
                + " WHERE b.balance_fen <> COALESCE(l.s, 0)")).as("cached balances that differ from their lines")
                .isEmpty();
        assertThat(strings("SELECT b.account_code FROM book_balance b WHERE b.account_code LIKE 'user:%:held' AND"
                + " b.balance_fen <> COALESCE((SELECT sum(h.amount_fen) FROM money_hold h WHERE h.status = 'HELD' AND"
                + " 'user:' || h.account_id || ':held' = b.account_code), 0)"))
                .as("held balances that differ from their open holds").isEmpty();
        assertThat(strings("SELECT id FROM board_trade WHERE status = 'SETTLING'")).as("trades left settling")
                .isEmpty();
        assertThat(strings("SELECT t.id FROM board_trade t WHERE t.status = 'SETTLED' AND (SELECT count(*) FROM"
                + " journal_entry e WHERE e.kind = 'CAPTURE' AND e.reference = t.hold_reference) <> 1"))
                .as("settled trades not captured exactly once").isEmpty();
        assertThat(strings("SELECT t.id FROM board_trade t WHERE t.status = 'FAILED' AND EXISTS (SELECT 1 FROM"
                + " journal_entry e WHERE e.kind = 'CAPTURE' AND e.reference = t.hold_reference)"))
                .as("failed trades whose buyer paid").isEmpty();
        for (Object[] t : rows("SELECT id, asset_id, buyer_id, terms_hash, status FROM board_trade")) {
            String tradeId = (String) t[0];
            JsonNode onChain = chainTrade(tradeId);
            if ("SETTLED".equals(t[4])) {
                assertThat(onChain).as("settled trade %s on chain", tradeId).isNotNull();
                assertThat(onChain.path("buyerId").asText()).isEqualTo(t[2]);
                assertThat(onChain.path("termsHash").asText()).isEqualTo(((String) t[3]).strip());
            } else {
                assertThat(onChain).as("failed trade %s on chain", tradeId).isNull();
            }
        }
        for (String assetId : strings("SELECT DISTINCT asset_id FROM board_listing")) {
            JsonNode chain = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "assets:GetAsset", assetId));
            List<String> owners = strings("SELECT owner FROM asset WHERE id = '" + assetId.replace("'", "") + "'");
            assertThat(owners).as("owner of %s in the read model", assetId).hasSize(1);
            assertThat(owners.get(0)).as("owner of %s: service vs chain", assetId)
                    .isEqualTo(chain.path("ownerId").asText());
            assertThat(chain.path("status").asText()).as("asset %s left locked", assetId).isNotEqualTo("LOCKED");
        }
    }

    private JsonNode chainTrade(String tradeId) {
        try {
            return ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "assets:GetTrade", tradeId));
        } catch (ContractRejectedException e) {
            assertThat(e.code()).isEqualTo("TRADE_NOT_FOUND");
            return null;
        }
    }

    private long single(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Long> longs(String sql) {
        return ((List<Number>) em.createNativeQuery(sql).getResultList()).stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return ((List<Object>) em.createNativeQuery(sql).getResultList()).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
