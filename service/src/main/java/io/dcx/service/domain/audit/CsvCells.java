package io.dcx.service.domain.audit;

import java.time.Instant;

/**
 * How a value becomes a CSV cell in an export. Instants are ISO-8601 in UTC ({@code 2026-11-25T08:00:00.123456Z}),
 * numbers (money is always in fen) and booleans as written by Java, null as an empty cell.
 *
 * <p>Text is neutralised against CSV (formula) injection, as OWASP recommends: a spreadsheet opening the file treats
 * a cell starting with {@code =}, {@code +}, {@code -} or {@code @} as a formula (and a leading tab or carriage
 * return can hide such a start), so a title or reason typed by a user could run {@code =HYPERLINK(...)} or DDE on
 * the regulator's machine. Such a cell gets a leading single quote, which spreadsheets show as text and never
 * evaluate. Numbers and instants the service formats itself are never neutralised: they cannot carry a formula.
 */
public final class CsvCells {
    private CsvCells() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return neutralised(value.toString());
    }

    /** The text, with a leading quote if it starts with a character a spreadsheet would take as a formula. */
    public static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
