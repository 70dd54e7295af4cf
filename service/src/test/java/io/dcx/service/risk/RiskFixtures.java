package io.dcx.service.risk;

import io.dcx.service.api.RightsFixtures;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.application.risk.RiskSettings;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.board.BoardFixtures.Work;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Surveillance test helpers: circular trades made through the board, and waiting for the consumer, which runs on the
 * ledger's event thread, to store what it saw.
 */
@ApplicationScoped
public class RiskFixtures {
    @Inject
    BoardFixtures board;
    @Inject
    Purchases purchases;
    @Inject
    EntityManager em;

    /** A to B to A on one edition through the board: the two trades, the parties and the asset. */
    public record Circle(Party a, Party b, String assetId, Trade first, Trade second) {
    }

    public Circle circle() {
        Party a = board.approved("risk-a", 100_000);
        Party b = board.approved("risk-b", 100_000);
        Work work = board.editions(1, 10_000, a);
        String asset = work.assetIds().get(0);
        Trade first = purchases.buy(b.actor(), board.fixedPrice(a, asset, 10_000).id());
        Trade second = purchases.buy(a.actor(), board.fixedPrice(b, asset, 11_000).id());
        if (first.status() != TradeStatus.SETTLED || second.status() != TradeStatus.SETTLED) {
            throw new IllegalStateException("fixture trades did not settle: " + first + " " + second);
        }
        return new Circle(a, b, asset, first, second);
    }

    /** The circle's CIRCULAR_TRADE case, once its automatic halt is recorded. */
    public String caseOf(Circle circle) {
        String caseId = (String) alertRow(awaitAlert("CIRCULAR_TRADE", circle.assetId()))[4];
        RightsFixtures.await(() -> count("SELECT count(*) FROM risk_case_history WHERE case_id = ?1 AND action ="
                + " 'HALT_ASSET' AND actor = 'system'", caseId) == 1, "the automatic halt of " + circle.assetId());
        return caseId;
    }

    /** Waits until surveillance stored the consumed trade or transfer with this reference. */
    public void awaitEvent(String reference) {
        RightsFixtures.await(() -> count("SELECT count(*) FROM risk_market_event WHERE reference = ?1",
                reference) == 1, "surveillance to consume " + reference);
    }

    /** Waits for an alert of the rule naming the asset; answers its id. */
    public String awaitAlert(String rule, String assetId) {
        RightsFixtures.await(() -> !alertIds(rule, assetId).isEmpty(), rule + " alert about " + assetId);
        return alertIds(rule, assetId).get(0);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> alertIds(String rule, String assetId) {
        return em.createNativeQuery("SELECT id FROM risk_alert WHERE rule = ?1 AND evidence_json LIKE ?2"
                        + " ORDER BY raised_at")
                .setParameter(1, rule).setParameter(2, "%\"" + assetId + "\"%").getResultList();
    }

    @Transactional
    public Object[] alertRow(String alertId) {
        return (Object[]) em.createNativeQuery("SELECT rule, subject_type, subject_id, evidence_json, case_id,"
                        + " delay_ms FROM risk_alert WHERE id = ?1")
                .setParameter(1, alertId).getSingleResult();
    }

    @Transactional
    public Long priceOf(String reference) {
        Number n = (Number) em.createNativeQuery("SELECT price_fen FROM risk_market_event WHERE reference = ?1")
                .setParameter(1, reference).getSingleResult();
        return n == null ? null : n.longValue();
    }

    @Transactional
    public long count(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    @Transactional
    public int update(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    /** Back to the engine's defaults, so tests do not leak thresholds into each other. */
    @Transactional
    public void defaultThresholds(RiskSettings settings) {
        em.createNativeQuery("DELETE FROM risk_settings").executeUpdate();
        settings.reload();
    }
}
