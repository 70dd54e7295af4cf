package io.dcx.service.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The creators of a work and their royalty shares in basis points, checked as the contract checks them (1 to 20
 * distinct accounts, each share 1 to 10,000, summing to exactly 10,000) and one rule more: the registrant must be
 * one of them, because registering a work in the name of others alone is not a creator's right.
 */
public final class CreatorShares {
    public static final int TOTAL_BPS = 10_000;
    public static final int MAX_CREATORS = 20;
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private CreatorShares() {
    }

    /** The registrant alone with the whole share: what a registration without {@code creators} means. */
    public static List<CreatorShare> soleCreator(AccountId registrant) {
        return List.of(new CreatorShare(registrant.value(), TOTAL_BPS));
    }

    /**
     * Checks a list of creators.
     *
     * @throws DcxException {@link ErrorCode#INVALID_SHARES} naming the first rule broken
     */
    public static List<CreatorShare> check(List<CreatorShare> creators, AccountId registrant) {
        if (creators == null || creators.isEmpty()) {
            throw invalid("creators must name at least one account");
        }
        if (creators.size() > MAX_CREATORS) {
            throw invalid("creators may name at most " + MAX_CREATORS + " accounts, not " + creators.size());
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (CreatorShare creator : creators) {
            if (creator.accountId() == null || !ACCOUNT.matcher(creator.accountId()).matches()) {
                throw invalid("a creator's accountId is 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'");
            }
            if (!seen.add(creator.accountId())) {
                throw invalid("creators name account " + creator.accountId() + " twice");
            }
            if (creator.shareBps() < 1 || creator.shareBps() > TOTAL_BPS) {
                throw invalid("the share of " + creator.accountId() + " is " + creator.shareBps()
                        + " basis points; a share is 1 to " + TOTAL_BPS);
            }
            total += creator.shareBps();
        }
        if (total != TOTAL_BPS) {
            throw invalid("creators' shares must add up to " + TOTAL_BPS + " basis points, they add up to " + total);
        }
        if (!seen.contains(registrant.value())) {
            throw invalid("the registrant (" + registrant.value() + ") must be one of the creators");
        }
        return List.copyOf(creators);
    }

    private static DcxException invalid(String detail) {
        return new DcxException(ErrorCode.INVALID_SHARES, detail);
    }
}
