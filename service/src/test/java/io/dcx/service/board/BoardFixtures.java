package io.dcx.service.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.api.KycFixtures;
import io.dcx.service.api.RightsFixtures;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Listings;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.money.Funds;
import io.dcx.service.application.port.JournalStore;
import io.dcx.service.domain.board.BoardRules;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingType;
import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parties and assets for board tests, made through the real use cases: approved accounts with money deposited on the
 * internal rail, works registered on chain with editions or a copyright issued to their creators, and listings.
 * Every party is a fresh subject, so tests never share balances.
 */
@ApplicationScoped
public class BoardFixtures {
    @Inject
    KycFixtures kyc;
    @Inject
    RightsFixtures rights;
    @Inject
    Funds funds;
    @Inject
    JournalStore journal;
    @Inject
    Listings listings;
    @Inject
    BoardPolicies policies;
    @Inject
    Ledger ledger;

    /** A party: the identity-provider subject (a {@code @TestSecurity} user name) and the account. */
    public record Party(String subject, String accountId) {
        public Actor actor() {
            return new Actor(accountId, "test-" + java.util.UUID.randomUUID());
        }
    }

    /** A work on chain with its assets. */
    public record Work(String id, List<String> assetIds) {
    }

    /** A fresh approved individual with {@code depositFen} deposited (0: none). */
    public Party approved(String prefix, long depositFen) {
        String subject = KycFixtures.newSubject(prefix);
        String account = kyc.approved(subject);
        Party party = new Party(subject, account);
        if (depositFen > 0) {
            funds.deposit(party.actor(), Money.fen(depositFen));
        }
        return party;
    }

    /** A fresh subject without KYC. */
    public Party unverified(String prefix) {
        String subject = KycFixtures.newSubject(prefix);
        return new Party(subject, kyc.accountOf(subject));
    }

    /** A work by {@code creators} (shares in basis points, in order) with {@code count} editions issued to the first. */
    public Work editions(int count, long issuePriceFen, Party owner, Object... coCreatorsAndShares) {
        String workId = work(owner, coCreatorsAndShares);
        JsonNode issued = rights.editionsOnChain(workId, owner.subject(), count, issuePriceFen);
        List<String> ids = new ArrayList<>();
        for (JsonNode a : issued) {
            ids.add(a.path("id").asText());
        }
        return new Work(workId, ids);
    }

    /** A work by {@code owner} (and co-creators) with its copyright issued to {@code owner}. */
    public Work copyright(Party owner, Object... coCreatorsAndShares) {
        String workId = work(owner, coCreatorsAndShares);
        CommittedTransaction tx = rights.submit(LedgerIdentity.COPYRIGHT, "assets:IssueCopyright", workId,
                owner.accountId());
        rights.awaitProjected(tx.blockNumber());
        return new Work(workId, List.of(ChainJson.parse(tx.payload()).path("id").asText()));
    }

    /**
     * Registers a work on chain. With no co-creators the owner holds 10,000 bps; otherwise pass
     * {@code ownerShare, party, share, party, share...}.
     */
    private String work(Party owner, Object... coCreatorsAndShares) {
        ObjectNode work = rights.workRequest(owner.accountId(), "board work " + System.nanoTime());
        if (coCreatorsAndShares.length > 0) {
            var creators = work.putArray("creators");
            creators.addObject().put("accountId", owner.accountId()).put("shareBps", (Integer) coCreatorsAndShares[0]);
            for (int i = 1; i < coCreatorsAndShares.length; i += 2) {
                creators.addObject().put("accountId", ((Party) coCreatorsAndShares[i]).accountId())
                        .put("shareBps", (Integer) coCreatorsAndShares[i + 1]);
            }
        }
        CommittedTransaction tx = rights.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork",
                ChainJson.write(work));
        rights.awaitProjected(tx.blockNumber());
        return work.path("id").asText();
    }

    public Listing fixedPrice(Party seller, String assetId, long priceFen) {
        return listings.create(seller.actor(), new Listings.NewListing(assetId, ListingType.FIXED_PRICE, priceFen,
                null, null, null, null, null, "Edition as issued; no defects known.", null), Instant.now());
    }

    public Listing offersOnly(Party seller, String assetId) {
        return listings.create(seller.actor(), new Listings.NewListing(assetId, ListingType.OFFERS_ONLY, null, null,
                null, null, null, null, "Offers welcome.", null), Instant.now());
    }

    public long available(Party party) {
        return journal.balance(BookAccount.available(party.accountId())).fen();
    }

    public long held(Party party) {
        return journal.balance(BookAccount.held(party.accountId())).fen();
    }

    public long exchangeFees() {
        return journal.balance(BookAccount.exchange("fees")).fen();
    }

    public JsonNode chainAsset(String assetId) {
        return ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "assets:GetAsset", assetId));
    }

    /** Sets the chain's holding period and daily caps, keeping the service's rules. */
    public void chainPolicy(long holdingSeconds, int capPerAsset, int capPerAccount) {
        policies.change(operator(), policies.current().rules(), holdingSeconds, capPerAsset, capPerAccount);
    }

    /** No holding period and room for several resales a day, for tests that resell at once. */
    public void quickResales() {
        chainPolicy(0, 10, 100);
    }

    /** Replaces the service's rules, keeping the chain's half. */
    public void rules(BoardRules rules) {
        BoardPolicies.Policy p = policies.current();
        policies.change(operator(), rules, p.chain().holdingPeriodSeconds(), p.chain().dailyTransferCapPerAsset(),
                p.chain().dailyTransferCapPerAccount());
    }

    public BoardPolicies.Policy policy() {
        return policies.current();
    }

    public void restorePolicy(BoardPolicies.Policy p) {
        policies.change(operator(), p.rules(), p.chain().holdingPeriodSeconds(), p.chain().dailyTransferCapPerAsset(),
                p.chain().dailyTransferCapPerAccount());
    }

    public Actor operator() {
        return kyc.actor(KycFixtures.OPERATOR);
    }

    public KycFixtures kyc() {
        return kyc;
    }

    public RightsFixtures rights() {
        return rights;
    }
}
