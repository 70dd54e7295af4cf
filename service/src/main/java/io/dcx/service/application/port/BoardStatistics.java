package io.dcx.service.application.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Counts per calendar day in a time zone over {@code [from, to)}: registrations ({@code work.registered_at}),
 * listings created, trades settled with their turnover (by {@code settled_at}), trades failed (by the time they
 * failed), and surveillance alerts per rule (by {@code raised_at}).
 */
public interface BoardStatistics {

    /** One figure of one day; {@code rule} only for alerts, {@code sumFen} only for settled trades. */
    record DayFigure(LocalDate day, String rule, long count, long sumFen) {
    }

    List<DayFigure> registrations(Instant from, Instant to, String zone);

    List<DayFigure> listingsCreated(Instant from, Instant to, String zone);

    List<DayFigure> tradesSettled(Instant from, Instant to, String zone);

    List<DayFigure> tradesFailed(Instant from, Instant to, String zone);

    List<DayFigure> alertsByRule(Instant from, Instant to, String zone);
}
