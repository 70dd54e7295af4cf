package io.dcx.service.application.port;

import io.dcx.service.domain.board.BoardRules;
import java.time.Instant;
import java.util.Optional;

/** The service's half of board policy; empty until an operator first changes it (then the defaults apply). */
public interface BoardRulesStore {
    Optional<BoardRules> current();

    void save(BoardRules rules, String by, Instant at);
}
