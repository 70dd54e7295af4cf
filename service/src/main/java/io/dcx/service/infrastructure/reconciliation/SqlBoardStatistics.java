package io.dcx.service.infrastructure.reconciliation;

import io.dcx.service.application.port.BoardStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Daily figures from {@code work}, {@code board_listing}, {@code board_trade} and {@code risk_alert}. A FAILED trade's
 * {@code updated_at} is the moment it failed (nothing changes a trade after it ends).
 */
@ApplicationScoped
public class SqlBoardStatistics implements BoardStatistics {
    private final EntityManager em;

    public SqlBoardStatistics(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<DayFigure> registrations(Instant from, Instant to, String zone) {
        return perDay("work", "registered_at", "true", from, to, zone);
    }

    @Override
    @Transactional
    public List<DayFigure> listingsCreated(Instant from, Instant to, String zone) {
        return perDay("board_listing", "created_at", "true", from, to, zone);
    }

    @Override
    @Transactional
    public List<DayFigure> tradesSettled(Instant from, Instant to, String zone) {
        return perDay("board_trade", "settled_at", "status = 'SETTLED'", from, to, zone);
    }

    @Override
    @Transactional
    public List<DayFigure> tradesFailed(Instant from, Instant to, String zone) {
        return perDay("board_trade", "updated_at", "status = 'FAILED'", from, to, zone);
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<DayFigure> alertsByRule(Instant from, Instant to, String zone) {
        return ((List<Object[]>) em.createNativeQuery("SELECT (raised_at AT TIME ZONE ?1)::date AS day, rule, count(*)"
                        + " FROM risk_alert WHERE raised_at >= ?2 AND raised_at < ?3 GROUP BY 1, 2 ORDER BY 1, 2")
                .setParameter(1, zone).setParameter(2, from).setParameter(3, to).getResultList()).stream()
                .map(r -> new DayFigure(day(r[0]), (String) r[1], ((Number) r[2]).longValue(), 0)).toList();
    }

    /** Table, time column and condition are constants of this class, never input. */
    @SuppressWarnings("unchecked")
    private List<DayFigure> perDay(String table, String at, String condition, Instant from, Instant to,
            String zone) {
        String sum = table.equals("board_trade") ? "coalesce(sum(price_fen), 0)" : "0";
        return ((List<Object[]>) em.createNativeQuery("SELECT (" + at + " AT TIME ZONE ?1)::date AS day, count(*), "
                        + sum + " FROM " + table + " WHERE " + condition + " AND " + at + " >= ?2 AND " + at
                        + " < ?3 GROUP BY 1 ORDER BY 1")
                .setParameter(1, zone).setParameter(2, from).setParameter(3, to).getResultList()).stream()
                .map(r -> new DayFigure(day(r[0]), null, ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
