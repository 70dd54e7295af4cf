package io.dcx.service.application.port;

import io.dcx.service.application.money.Hold;
import java.time.Instant;
import java.util.Optional;

/** Holds on customer money, one per business reference (a trade or withdrawal id). */
public interface HoldStore {
    /** Inserts the hold unless one exists for its reference; answers whether it was inserted. */
    boolean insertIfAbsent(Hold hold);

    /** The hold, locked until the transaction ends. */
    Optional<Hold> findForUpdate(String reference);

    void close(String reference, Hold.Status status, Instant at);
}
