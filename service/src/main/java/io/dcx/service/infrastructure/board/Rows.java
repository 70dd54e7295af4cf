package io.dcx.service.infrastructure.board;

import io.dcx.service.domain.money.Money;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.persistence.Query;
import java.time.Instant;

/** Conversions between native query rows and the board's records. */
final class Rows {
    private Rows() {
    }

    static Instant instant(Object value) {
        return value == null ? null : SqlSignalStore.instant(value);
    }

    static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static Integer intOrNull(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static Money money(Object fen) {
        return fen == null ? null : Money.fen(((Number) fen).longValue());
    }

    static Long fen(Money money) {
        return money == null ? null : money.fen();
    }

    /** Binds parameters 1..n in order. */
    static Query bind(Query query, Object... values) {
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query;
    }
}
