package io.dcx.service.application.reconciliation;

import io.dcx.service.application.port.BoardStatistics;
import io.dcx.service.application.port.BoardStatistics.DayFigure;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a supervisor asks for, per calendar day in Beijing time (Asia/Shanghai), over an inclusive range of
 * at most {@link #MAX_DAYS} days; every day of the range is present, with zeros where nothing happened.
 */
@ApplicationScoped
public class SupervisorStatistics {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MAX_DAYS = 366;

    private final BoardStatistics statistics;

    public SupervisorStatistics(BoardStatistics statistics) {
        this.statistics = statistics;
    }

    public record Day(LocalDate date, long registrations, long listingsCreated, long tradesSettled, long turnoverFen,
            long tradesFailed, Map<String, Long> alertsByRule) {
    }

    public record Report(LocalDate from, LocalDate to, String timeZone, List<Day> days, Day totals) {
    }

    /** {@code from} and {@code to} are {@code YYYY-MM-DD}, both included. */
    public Report between(String fromText, String toText) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw new DcxException(ErrorCode.INVALID_DATE_RANGE, "to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new DcxException(ErrorCode.INVALID_DATE_RANGE, "at most " + MAX_DAYS + " days at a time");
        }
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        String zone = ZONE.getId();
        Map<LocalDate, long[]> figures = new TreeMap<>();
        Map<LocalDate, Map<String, Long>> alerts = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            figures.put(d, new long[5]);
            alerts.put(d, new TreeMap<>());
        }
        add(figures, statistics.registrations(start, end, zone), 0);
        add(figures, statistics.listingsCreated(start, end, zone), 1);
        add(figures, statistics.tradesSettled(start, end, zone), 2);
        add(figures, statistics.tradesFailed(start, end, zone), 4);
        for (DayFigure f : statistics.alertsByRule(start, end, zone)) {
            Map<String, Long> day = alerts.get(f.day());
            if (day != null) {
                day.merge(f.rule(), f.count(), Long::sum);
            }
        }
        List<Day> days = new ArrayList<>();
        long[] total = new long[5];
        Map<String, Long> totalAlerts = new TreeMap<>();
        figures.forEach((date, f) -> {
            days.add(new Day(date, f[0], f[1], f[2], f[3], f[4], new LinkedHashMap<>(alerts.get(date))));
            for (int i = 0; i < f.length; i++) {
                total[i] += f[i];
            }
            alerts.get(date).forEach((rule, n) -> totalAlerts.merge(rule, n, Long::sum));
        });
        return new Report(from, to, zone, List.copyOf(days),
                new Day(null, total[0], total[1], total[2], total[3], total[4], totalAlerts));
    }

    private static void add(Map<LocalDate, long[]> figures, List<DayFigure> rows, int index) {
        for (DayFigure f : rows) {
            long[] day = figures.get(f.day());
            if (day != null) {
                day[index] += f.count();
                if (index == 2) {
                    day[3] += f.sumFen();
                }
            }
        }
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_DATE_RANGE, name + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new DcxException(ErrorCode.INVALID_DATE_RANGE, name + ": not a date YYYY-MM-DD");
        }
    }
}
