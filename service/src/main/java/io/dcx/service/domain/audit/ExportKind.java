package io.dcx.service.domain.audit;

import java.util.Optional;

/** What a regulator or operator can export as CSV, by the name used in the URL ({@code trades.csv}). */
public enum ExportKind {
    TRADES("trades"),
    ALERTS("alerts"),
    CASES("cases"),
    AUDIT_EVENTS("audit-events");

    private final String urlName;

    ExportKind(String urlName) {
        this.urlName = urlName;
    }

    public String urlName() {
        return urlName;
    }

    public static Optional<ExportKind> byUrlName(String name) {
        for (ExportKind k : values()) {
            if (k.urlName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
