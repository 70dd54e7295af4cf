package io.dcx.service.application.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.kyc.AccountType;
import io.dcx.service.domain.kyc.Tier;
import io.dcx.service.domain.money.Money;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The configured tiers. A misconfiguration (a default tier that does not exist) stops the service at start. */
@Startup
@ApplicationScoped
public class Tiers {
    private final Map<String, Tier> tiers = new TreeMap<>();
    private final KycConfig.DefaultTier defaults;

    public Tiers(KycConfig config) {
        config.tiers().forEach((name, settings) -> tiers.put(name, new Tier(name, Money.fen(settings.dailyBuyLimitFen()))));
        this.defaults = config.defaultTier();
        for (String name : new String[] {defaults.individual(), defaults.institution()}) {
            if (!tiers.containsKey(name)) {
                throw new IllegalStateException("dcx.kyc.default-tier names " + name + ", which dcx.kyc.tiers lacks");
            }
        }
    }

    /** The named tier; an unknown name is bad input. */
    public Tier named(String name) {
        Tier tier = name == null ? null : tiers.get(name.strip().toUpperCase(Locale.ROOT));
        if (tier == null) {
            throw new DcxException(ErrorCode.INVALID_TIER, "tier: must be one of " + tiers.keySet(),
                    Map.of("tiers", tiers.keySet()));
        }
        return tier;
    }

    public Tier defaultFor(AccountType type) {
        return tiers.get(type == AccountType.INSTITUTION ? defaults.institution() : defaults.individual());
    }
}
