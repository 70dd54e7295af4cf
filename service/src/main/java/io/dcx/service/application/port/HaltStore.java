package io.dcx.service.application.port;

import io.dcx.service.domain.board.Halt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Trading halts. */
public interface HaltStore {
    void insert(Halt halt);

    Optional<Halt> find(String id);

    void update(Halt halt);

    /** Halts in force at {@code now}. */
    List<Halt> inForce(Instant now);
}
