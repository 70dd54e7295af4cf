package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.Money;
import java.util.Map;

/** A limit class assigned at approval. {@code dailyBuyLimit} caps what an account may buy per calendar day. */
public record Tier(String name, Money dailyBuyLimit) {

    public Tier {
        if (name == null || !name.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw new IllegalArgumentException("tier names are upper-case identifiers: " + name);
        }
        if (dailyBuyLimit == null || dailyBuyLimit.fen() < 0) {
            throw new IllegalArgumentException("tier " + name + " needs a non-negative daily buy limit");
        }
    }

    /** Refuses a purchase that would take the day's buying past the limit. */
    public void requireWithinDailyBuyLimit(Money boughtToday, Money amount) {
        Money after = boughtToday.plus(amount);
        if (after.fen() > dailyBuyLimit.fen()) {
            throw new DcxException(ErrorCode.DAILY_LIMIT_EXCEEDED,
                    "this purchase would take today's buying to " + after.fen() + " fen; the limit of tier " + name
                            + " is " + dailyBuyLimit.fen() + " fen",
                    Map.of("tier", name, "dailyBuyLimitFen", dailyBuyLimit.fen(),
                            "remainingFen", Math.max(0, dailyBuyLimit.fen() - boughtToday.fen())));
        }
    }
}
