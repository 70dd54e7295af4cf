package io.dcx.service.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Halts;
import io.dcx.service.application.board.Listings;
import io.dcx.service.application.board.Offers;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Halt;
import io.dcx.service.domain.board.HaltScope;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingType;
import io.dcx.service.domain.board.Offer;
import io.dcx.service.domain.board.OfferStatus;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The board's pre-trade rules, each with the case it must stop and a near miss it must let through, plus named
 * offers (accept, counter, reject, withdraw) and operators' halts. Each test ends with the board invariants.
 */
@QuarkusTest
class BoardRulesTest {
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    Listings listings;
    @Inject
    Purchases purchases;
    @Inject
    Offers offers;
    @Inject
    Halts halts;

    private BoardPolicies.Policy policyBefore;

    @BeforeEach
    void rememberPolicy() {
        policyBefore = board.policy();
    }

    @AfterEach
    void invariantsHold() {
        for (Halt h : halts.inForce(Instant.now())) {
            halts.lift(board.operator(), h.id());
        }
        board.restorePolicy(policyBefore);
        invariants.check();
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DcxException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void onlyTheApprovedOwnerOfAnActiveAssetMayListIt() {
        Party owner = board.approved("owner", 0);
        Party other = board.approved("other", 0);
        String asset = board.editions(2, 10_000, owner).assetIds().get(0);

        refused(ErrorCode.NOT_OWNER, () -> board.fixedPrice(other, asset, 10_000));
        Party unverified = board.unverified("nokyc");
        refused(ErrorCode.KYC_REQUIRED, () -> board.fixedPrice(unverified, asset, 10_000));
        Listing listed = board.fixedPrice(owner, asset, 10_000);
        refused(ErrorCode.ASSET_ALREADY_LISTED, () -> board.fixedPrice(owner, asset, 10_000));
        listings.cancel(owner.actor(), listed.id(), false, null);
        assertThat(board.fixedPrice(owner, asset, 10_000).status().name()).isEqualTo("OPEN");
    }

    @Test
    void editionsMayNotBeAuctionedByDefaultButCopyrightsMay() {
        Party owner = board.approved("owner", 0);
        String edition = board.editions(1, 10_000, owner).assetIds().get(0);
        String copyright = board.copyright(owner).assetIds().get(0);
        Instant ends = Instant.now().plusSeconds(3600);

        refused(ErrorCode.LISTING_TYPE_NOT_ALLOWED, () -> listings.create(owner.actor(), new Listings.NewListing(
                edition, ListingType.ENGLISH_AUCTION, 10_000L, null, 500L, ends, null, null, "d", null),
                Instant.now()));
        Listing auction = listings.create(owner.actor(), new Listings.NewListing(copyright,
                ListingType.ENGLISH_AUCTION, 10_000L, null, 500L, ends, null, null, "d", null), Instant.now());
        assertThat(auction.reserveFen()).isEqualTo(10_000L);
        assertThat(auction.extensionSeconds()).isEqualTo(300);
    }

    @Test
    void pricesOutsideTheBandAroundTheIssuePriceAreRefusedAndTheBoundsThemselvesPass() {
        Party owner = board.approved("owner", 0);
        var assets = board.editions(3, 10_000, owner).assetIds();
        refused(ErrorCode.PRICE_BAND, () -> board.fixedPrice(owner, assets.get(0), 15_001));
        refused(ErrorCode.PRICE_BAND, () -> board.fixedPrice(owner, assets.get(0), 4_999));
        assertThat(board.fixedPrice(owner, assets.get(0), 15_000).priceFen()).isEqualTo(15_000);
        assertThat(board.fixedPrice(owner, assets.get(1), 5_000).priceFen()).isEqualTo(5_000);
    }

    @Test
    void aResaleInsideTheHoldingPeriodIsRefusedAndAllowedOnceThePeriodIsZero() {
        board.chainPolicy(180L * 86_400, 1, 20);
        Party creator = board.approved("creator", 0);
        Party buyer = board.approved("buyer", 50_000);
        String asset = board.editions(1, 10_000, creator).assetIds().get(0);
        assertThat(purchases.buy(buyer.actor(), board.fixedPrice(creator, asset, 10_000).id()).status())
                .isEqualTo(TradeStatus.SETTLED);

        refused(ErrorCode.HOLDING_PERIOD, () -> board.fixedPrice(buyer, asset, 10_000));
        board.quickResales();
        assertThat(board.fixedPrice(buyer, asset, 10_000).status().name()).isEqualTo("OPEN");
    }

    @Test
    void buyersMustBeApprovedAndNotTheSeller() {
        Party seller = board.approved("seller", 50_000);
        Listing listing = board.fixedPrice(seller, board.editions(1, 10_000, seller).assetIds().get(0), 10_000);
        refused(ErrorCode.SELF_TRADE, () -> purchases.buy(seller.actor(), listing.id()));
        refused(ErrorCode.KYC_REQUIRED, () -> purchases.buy(board.unverified("anon").actor(), listing.id()));
        refused(ErrorCode.LISTING_NOT_FOUND, () -> purchases.buy(seller.actor(), "lst_00000000000000000000"));
        Party buyer = board.approved("buyer", 50_000);
        assertThat(purchases.buy(buyer.actor(), listing.id()).status()).isEqualTo(TradeStatus.SETTLED);
        refused(ErrorCode.LISTING_NOT_OPEN, () -> purchases.buy(buyer.actor(), listing.id()));
    }

    @Test
    void aBuyerMayNotComeToHoldMoreThanTheConcentrationLimitOfASeries() {
        Party creator = board.approved("creator", 0);
        Party collector = board.approved("collector", 100_000);
        var assets = board.editions(10, 1_000, creator).assetIds();
        // Default limit 20% of a series of at least 10: two of ten is exactly the limit and allowed, three is not.
        assertThat(purchases.buy(collector.actor(), board.fixedPrice(creator, assets.get(0), 1_000).id()).status())
                .isEqualTo(TradeStatus.SETTLED);
        assertThat(purchases.buy(collector.actor(), board.fixedPrice(creator, assets.get(1), 1_000).id()).status())
                .isEqualTo(TradeStatus.SETTLED);
        Listing third = board.fixedPrice(creator, assets.get(2), 1_000);
        refused(ErrorCode.CONCENTRATION, () -> purchases.buy(collector.actor(), third.id()));
        assertThat(purchases.buy(board.approved("other", 10_000).actor(), third.id()).status())
                .isEqualTo(TradeStatus.SETTLED);
    }

    @Test
    void haltsStopTheBoardAnAssetOrAListingUntilLifted() {
        Party seller = board.approved("seller", 0);
        Party buyer = board.approved("buyer", 100_000);
        var assets = board.editions(2, 10_000, seller).assetIds();
        Listing first = board.fixedPrice(seller, assets.get(0), 10_000);
        Listing second = board.fixedPrice(seller, assets.get(1), 10_000);

        Halt listingHalt = halts.halt(board.operator(), HaltScope.LISTING, first.id(), "suspicious interest", null);
        refused(ErrorCode.HALT, () -> purchases.buy(buyer.actor(), first.id()));
        Halt boardHalt = halts.halt(board.operator(), HaltScope.BOARD, null, "market-wide pause", null);
        refused(ErrorCode.HALT, () -> purchases.buy(buyer.actor(), second.id()));
        halts.lift(board.operator(), boardHalt.id());
        assertThat(purchases.buy(buyer.actor(), second.id()).status()).isEqualTo(TradeStatus.SETTLED);
        refused(ErrorCode.HALT, () -> purchases.buy(buyer.actor(), first.id()));
        halts.lift(board.operator(), listingHalt.id());
        halts.halt(board.operator(), HaltScope.ASSET, assets.get(0), "cooling off", Instant.now().plusSeconds(600));
        refused(ErrorCode.HALT, () -> purchases.buy(buyer.actor(), first.id()));
        refused(ErrorCode.REASON_REQUIRED, () -> halts.halt(board.operator(), HaltScope.BOARD, null, " ", null));
        refused(ErrorCode.LISTING_NOT_FOUND, () -> halts.halt(board.operator(), HaltScope.LISTING, "lst_x", "r", null));
    }

    @Test
    void anAcceptedOfferSettlesAtItsAmountAndTheOtherOffersLapseWithTheirHoldsReleased() {
        Party seller = board.approved("seller", 0);
        Party a = board.approved("bidderA", 50_000);
        Party b = board.approved("bidderB", 50_000);
        Listing listing = board.offersOnly(seller, board.editions(1, 10_000, seller).assetIds().get(0));
        Offer fromA = offers.make(a.actor(), listing.id(), 9_000L, "for my collection");
        Offer fromB = offers.make(b.actor(), listing.id(), 11_000L, null);
        assertThat(board.held(a)).isEqualTo(9_000);
        assertThat(board.held(b)).isEqualTo(11_000);
        refused(ErrorCode.OFFER_EXISTS, () -> offers.make(a.actor(), listing.id(), 9_500L, null));
        refused(ErrorCode.OFFER_NOT_FOUND, () -> offers.accept(board.approved("stranger", 0).actor(), fromB.id()));
        refused(ErrorCode.OFFER_NOT_PENDING, () -> offers.accept(b.actor(), fromB.id()));

        Trade trade = offers.accept(seller.actor(), fromB.id());

        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trade.price().fen()).isEqualTo(11_000);
        assertThat(board.available(b)).isEqualTo(39_000);
        assertThat(board.held(b)).isZero();
        assertThat(board.available(a)).isEqualTo(50_000);
        assertThat(board.held(a)).isZero();
        assertThat(offers.get(a.actor(), fromA.id(), false).status()).isEqualTo(OfferStatus.LAPSED);
        assertThat(offers.get(b.actor(), fromB.id(), false).status()).isEqualTo(OfferStatus.ACCEPTED);
    }

    @Test
    void aBuyerAcceptsACounterAtTheCounteredPriceAndRejectedOrWithdrawnOffersReleaseTheirHolds() {
        Party seller = board.approved("seller", 0);
        Party buyer = board.approved("buyer", 50_000);
        Party other = board.approved("other", 50_000);
        Party third = board.approved("third", 50_000);
        Listing listing = board.fixedPrice(seller, board.editions(1, 10_000, seller).assetIds().get(0), 12_000);
        Offer rejected = offers.make(other.actor(), listing.id(), 8_000L, null);
        offers.reject(seller.actor(), rejected.id());
        assertThat(board.held(other)).isZero();
        Offer withdrawn = offers.make(third.actor(), listing.id(), 8_500L, null);
        offers.withdraw(third.actor(), withdrawn.id());
        assertThat(board.held(third)).isZero();
        refused(ErrorCode.OFFER_NOT_PENDING, () -> offers.withdraw(third.actor(), withdrawn.id()));

        Offer offer = offers.make(buyer.actor(), listing.id(), 9_000L, null);
        refused(ErrorCode.PRICE_BAND, () -> offers.counter(seller.actor(), offer.id(), 16_000L));
        Offer countered = offers.counter(seller.actor(), offer.id(), 10_500L);
        assertThat(countered.status()).isEqualTo(OfferStatus.COUNTERED);
        refused(ErrorCode.OFFER_NOT_PENDING, () -> offers.accept(seller.actor(), offer.id()));

        Trade trade = offers.accept(buyer.actor(), offer.id());

        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trade.price().fen()).isEqualTo(10_500);
        assertThat(board.available(buyer)).isEqualTo(50_000 - 10_500);
        assertThat(board.held(buyer)).isZero();
        assertThat(board.available(seller)).isEqualTo(10_500 - 262);
    }
}
