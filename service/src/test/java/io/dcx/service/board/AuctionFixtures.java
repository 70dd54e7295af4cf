package io.dcx.service.board;

import io.dcx.service.api.KycFixtures;
import io.dcx.service.application.board.Auctions;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Listings;
import io.dcx.service.application.money.Funds;
import io.dcx.service.application.port.ListingStore;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingType;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Auction listings for the auction tests, and the clock: a listing's phases are moved earlier in the database
 * ({@link #shift}), so a test reaches the reveal phase or the close without sleeping (the service validates new
 * listings against the real clock, and the resources pass it to the use cases).
 */
@ApplicationScoped
public class AuctionFixtures {
    @Inject
    BoardFixtures board;
    @Inject
    KycFixtures kyc;
    @Inject
    Funds funds;
    @Inject
    Listings listings;
    @Inject
    ListingStore listingStore;
    @Inject
    TradeStore trades;
    @Inject
    Auctions auctions;
    @Inject
    EntityManager em;

    /** A seller with a fresh copyright on chain, ready to be auctioned. */
    public record Lot(BoardFixtures.Party seller, String assetId) {
    }

    public Lot lot() {
        BoardFixtures.Party seller = board.approved("auction-seller", 0);
        return new Lot(seller, board.copyright(seller).assetIds().get(0));
    }

    /**
     * The fixed {@code @TestSecurity} subject approved again (a fresh identity each time, KYC reset first) with
     * exactly {@code depositFen} available: money left from earlier runs (the journal outlives them) is withdrawn
     * first.
     */
    public BoardFixtures.Party httpBidder(String subject, long depositFen) {
        String account = kyc.approved(subject);
        BoardFixtures.Party party = new BoardFixtures.Party(subject, account);
        drain(party);
        if (depositFen > 0) {
            funds.deposit(party.actor(), Money.fen(depositFen));
        }
        return party;
    }

    /**
     * Lifts the chain's daily transfer cap per account to the service's maximum (10,000) and answers the policy
     * before, to restore after the test: the fixed {@code @TestSecurity} bidders keep their account across runs and
     * win several auctions a run, so the default cap (20 a day) would refuse their settlements after a few runs.
     */
    public BoardPolicies.Policy roomForFixedWinners() {
        BoardPolicies.Policy before = board.policy();
        board.chainPolicy(before.chain().holdingPeriodSeconds(), before.chain().dailyTransferCapPerAsset(), 10_000);
        return before;
    }

    /** Withdraws everything the party has available, so a fixed test user leaves no money for the next test. */
    public void drain(BoardFixtures.Party party) {
        long left = board.available(party);
        if (left > 0) {
            funds.withdraw(party.actor(), Money.fen(left));
        }
    }

    public Listing english(Lot lot, long openingFen, Long reserveFen, long incrementFen, Duration endsIn,
            Integer extensionSeconds) {
        return create(lot, new Listings.NewListing(lot.assetId(), ListingType.ENGLISH_AUCTION, openingFen,
                reserveFen, incrementFen, Instant.now().plus(endsIn), null, extensionSeconds,
                "Copyright assignment, worldwide.", null));
    }

    public Listing sealed(Lot lot, long reserveFen, Duration endsIn, Duration revealFor) {
        Instant ends = Instant.now().plus(endsIn);
        return create(lot, new Listings.NewListing(lot.assetId(), ListingType.SEALED_BID_AUCTION, null, reserveFen,
                null, ends, ends.plus(revealFor), null, "Copyright assignment, sealed bids.", null));
    }

    private Listing create(Lot lot, Listings.NewListing r) {
        // read back: the database keeps microseconds
        return listing(listings.create(lot.seller().actor(), r, Instant.now()).id());
    }

    /**
     * Closes every auction still open, as if a year had passed: listings left behind by earlier (failed) runs would
     * otherwise close in the middle of a later test, when it closes its own at a future instant, and move the fixed
     * HTTP bidder's money under its feet.
     */
    public void closeAllOpenAuctions() {
        Instant later = Instant.now().plus(Duration.ofDays(365));
        while (!auctions.closeDue(later).isEmpty()) {
            // a batch at a time
        }
    }

    /** Moves the listing's bidding end and reveal end {@code by} earlier; answers the listing as it is then. */
    @Transactional
    public Listing shift(String listingId, Duration by) {
        em.createNativeQuery("UPDATE board_listing SET ends_at = ends_at - make_interval(secs => ?1),"
                        + " reveal_ends_at = reveal_ends_at - make_interval(secs => ?1) WHERE id = ?2")
                .setParameter(1, (double) by.toMillis() / 1000)
                .setParameter(2, listingId)
                .executeUpdate();
        return listingStore.find(listingId).orElseThrow();
    }

    /** Moves the listing so its bidding ended a second ago (a sealed auction is then in its reveal phase). */
    public Listing endBidding(String listingId) {
        Listing l = listingStore.find(listingId).orElseThrow();
        return shift(listingId, Duration.between(Instant.now(), l.endsAt()).plusSeconds(1));
    }

    public Listing listing(String id) {
        return listingStore.find(id).orElseThrow();
    }

    /** Closes due auctions at {@code at} and answers this listing's outcome. */
    public Auctions.ClosedAuction close(String listingId, Instant at) {
        List<Auctions.ClosedAuction> closed = auctions.closeDue(at);
        return closed.stream().filter(c -> c.listingId().equals(listingId)).findFirst()
                .orElseThrow(() -> new AssertionError("listing " + listingId + " was not closed at " + at));
    }

    public Trade trade(String id) {
        return trades.find(id).orElseThrow();
    }

    public long bids(String listingId) {
        return kyc.count("SELECT count(*) FROM auction_bid WHERE listing_id = ?1", listingId);
    }

    public String bidStatus(String bidId) {
        return kyc.text("SELECT status FROM auction_bid WHERE id = ?1", bidId);
    }

    public String holdStatus(String reference) {
        return kyc.text("SELECT status FROM money_hold WHERE reference = ?1", reference);
    }

    public long holds(String reference) {
        return kyc.count("SELECT count(*) FROM money_hold WHERE reference = ?1", reference);
    }
}
