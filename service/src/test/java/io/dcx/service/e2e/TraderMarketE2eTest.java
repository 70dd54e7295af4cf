package io.dcx.service.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.dcx.service.application.board.Auctions;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.money.Funds;
import io.dcx.service.board.AuctionFixtures;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.SealedBidAuction;
import io.dcx.service.domain.board.Trade;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The trader's market pages in a real browser against the real stack: deposits and withdrawals on the account page,
 * offers and counters between two browsers, an English auction with an outbid and a refused bid, a sealed bid
 * committed and revealed from the salt the browser kept, and a resale listed from the assets page. Every step is
 * checked in the page and in the state behind it (API, journal, chain).
 */
@QuarkusTest
@TestProfile(ConsoleE2eProfile.class)
class TraderMarketE2eTest {
    private static final long ISSUE_PRICE = 12_345;

    @Inject
    E2eFixtures fixtures;
    @Inject
    AuctionFixtures auctions;
    @Inject
    Funds funds;

    private static Party party(String user, long depositFen, E2eFixtures fixtures) {
        return new Party(E2eFixtures.subjectOf(user), fixtures.approved(user, depositFen));
    }

    /** The demo user's own view through the API, with a real Keycloak token. */
    private static RequestSpecification as(String user) {
        return RestAssured.given().baseUri(ConsoleBrowser.BASE_URL).auth().oauth2(E2eFixtures.tokenFor(user))
                .contentType("application/json");
    }

    private static Locator.GetByRoleOptions named(String name) {
        return new Locator.GetByRoleOptions().setName(name);
    }

    private static Page.GetByRoleOptions pageNamed(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    /** A chain policy with room for the demo users' many trades a day (they trade in every suite of a run). */
    private BoardPolicies.Policy roomyPolicy(long holdingSeconds) {
        BoardPolicies.Policy before = fixtures.board().policy();
        fixtures.board().chainPolicy(holdingSeconds, Math.max(10, before.chain().dailyTransferCapPerAsset()), 10_000);
        return before;
    }

    /** A fresh work by dave with one edition issued to him. */
    private String davesEdition(Party dave, String title) {
        BoardFixtures board = fixtures.board();
        String workId = board.rights().workOnChain(dave.subject(), title).id();
        return board.rights().editionsOnChain(workId, dave.subject(), 1, ISSUE_PRICE).get(0).path("id").asText();
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void carolDepositsAndWithdrawsOnHerAccountPage() {
        Party carol = party("carol", 0, fixtures);
        long available = fixtures.board().available(carol);
        long held = fixtures.board().held(carol);
        String pendingId = null;
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "carol");
            page.getByRole(AriaRole.NAVIGATION, pageNamed("Main"))
                    .getByRole(AriaRole.LINK, named("Balances").setExact(true)).click();
            assertThat(page.locator("#page-title")).hasText("Balances");
            assertThat(page.getByTestId("balance-available")).containsText(yuan(available));

            // ¥500 in: exactly 50,000 fen more, on the page and in the API.
            Locator deposit = page.getByRole(AriaRole.FORM, pageNamed("Deposit"));
            deposit.getByLabel("Amount (¥)").fill("500");
            deposit.getByRole(AriaRole.BUTTON, named("Deposit")).click();
            assertThat(page.getByTestId("balance-available")).containsText(yuan(available + 50_000));
            assertEquals(available + 50_000, as("carol").get("/api/v1/accounts/me").jsonPath()
                    .getLong("balances.available"));
            assertEquals(available + 50_000, fixtures.board().available(carol));

            // ¥100 out: below the confirmation threshold, so completed at once; nothing stays held.
            Locator withdraw = page.getByRole(AriaRole.FORM, pageNamed("Withdraw"));
            withdraw.getByLabel("Amount (¥)").fill("100.00");
            withdraw.getByRole(AriaRole.BUTTON, named("Withdraw")).click();
            assertThat(page.getByText("Withdrawal of ¥100.00: Completed.")).isVisible();
            assertThat(page.getByTestId("balance-available")).containsText(yuan(available + 40_000));
            assertThat(page.getByTestId("balance-held")).containsText(yuan(held));
            JsonPath me = as("carol").get("/api/v1/accounts/me").jsonPath();
            assertEquals(available + 40_000, me.getLong("balances.available"));
            assertEquals(held, me.getLong("balances.held"));

            // A large withdrawal waits for an operator: the page shows it held, as the API does.
            funds.deposit(carol.actor(), funds.amount(6_000_000));
            page.getByRole(AriaRole.BUTTON, pageNamed("Refresh")).click();
            assertThat(page.getByTestId("balance-available")).containsText(yuan(available + 6_040_000));
            withdraw.getByLabel("Amount (¥)").fill("55000");
            withdraw.getByRole(AriaRole.BUTTON, named("Withdraw")).click();
            assertThat(page.getByText("Withdrawal of ¥55,000.00: Awaiting confirmation.")).isVisible();
            assertThat(page.getByTestId("balance-held")).containsText(yuan(held + 5_500_000));
            assertThat(page.getByTestId("balance-available")).containsText(yuan(available + 540_000));
            me = as("carol").get("/api/v1/accounts/me").jsonPath();
            assertEquals(held + 5_500_000, me.getLong("balances.held"));
            assertEquals(available + 540_000, me.getLong("balances.available"));
            pendingId = funds.withdrawalsIn("PENDING_CONFIRMATION", 500).stream()
                    .filter(w -> w.accountId().equals(carol.accountId()) && w.amount().fen() == 5_500_000)
                    .map(w -> w.id()).findFirst().orElseThrow();
            shot(page, "trader-account-money");
        } finally {
            // leave no pending withdrawal in the operators' queue for other suites
            if (pendingId != null) {
                funds.confirm(fixtures.board().operator(), pendingId, false, "e2e test: refused after checking");
            }
        }
        assertEquals(held, fixtures.board().held(carol));
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void bobOffersDaveCountersAndBobAcceptsTheCounter() {
        BoardPolicies.Policy policy = roomyPolicy(fixtures.board().policy().chain().holdingPeriodSeconds());
        try {
            Party bob = party("bob", 500_000, fixtures);
            Party carol = party("carol", 500_000, fixtures);
            Party dave = party("dave", 0, fixtures);
            String title = "Offers " + E2eFixtures.unique() + " by the river";
            String assetId = davesEdition(dave, title);
            Listing listing = fixtures.board().offersOnly(dave, assetId);
            long bobAvailable = fixtures.board().available(bob);
            long bobHeld = fixtures.board().held(bob);
            long carolHeld = fixtures.board().held(carol);
            // carol's offer, made through the API: dave will reject it.
            String carols = as("carol").body(Map.of("amountFen", 10_500))
                    .post("/api/v1/listings/" + listing.id() + "/offers").then().statusCode(201)
                    .extract().path("id");
            assertEquals(carolHeld + 10_500, fixtures.board().held(carol));

            try (BrowserContext bobs = ConsoleBrowser.context("en-US");
                    BrowserContext daves = ConsoleBrowser.context("en-US")) {
                Page bobPage = ConsoleBrowser.login(bobs, "bob");
                ConsoleBrowser.open(bobPage, "/board/" + listing.id());
                assertThat(bobPage.locator("#page-title")).containsText(title);

                // A first offer, withdrawn from /offers: the hold comes back.
                Locator offerForm = bobPage.getByRole(AriaRole.FORM, pageNamed("Make an offer"));
                offerForm.getByLabel("Your offer (¥)").fill("110");
                offerForm.getByRole(AriaRole.BUTTON, named("Send offer")).click();
                assertThat(bobPage.getByText("Offer of ¥110.00 sent.")).isVisible();
                assertEquals(bobHeld + 11_000, fixtures.board().held(bob));
                ConsoleBrowser.open(bobPage, "/offers");
                Locator bobRow = offerRow(bobPage, title);
                assertThat(bobRow).containsText("¥110.00");
                assertThat(bobRow).containsText("Pending");
                bobRow.getByRole(AriaRole.BUTTON, named("Withdraw")).click();
                assertThat(bobRow).containsText("Withdrawn");
                assertEquals(bobHeld, fixtures.board().held(bob));

                // The real offer, ¥120 with a message.
                ConsoleBrowser.open(bobPage, "/board/" + listing.id());
                offerForm.getByLabel("Your offer (¥)").fill("120");
                offerForm.getByLabel("Message to the seller (optional)").fill("Would you take 120?");
                offerForm.getByRole(AriaRole.BUTTON, named("Send offer")).click();
                assertThat(bobPage.getByText("Offer of ¥120.00 sent.")).isVisible();
                assertEquals(bobHeld + 12_000, fixtures.board().held(bob));
                List<Map<String, Object>> bobsOffers = as("bob").get("/api/v1/listings/" + listing.id() + "/offers")
                        .then().statusCode(200).extract().jsonPath().getList("findAll { it.status == 'PENDING' }");
                assertEquals(1, bobsOffers.size());
                String offerId = (String) bobsOffers.get(0).get("id");

                // dave, in his own browser, rejects carol's offer and counters bob's at ¥123.
                Page davePage = ConsoleBrowser.login(daves, "dave");
                davePage.getByRole(AriaRole.NAVIGATION, pageNamed("Main"))
                        .getByRole(AriaRole.LINK, named("My offers").setExact(true)).click();
                assertThat(davePage.locator("#page-title")).hasText("My offers");
                Locator carolsRow = offerRow(davePage, title).filter(new Locator.FilterOptions().setHasText("¥105.00"));
                Locator bobsRow = offerRow(davePage, title).filter(new Locator.FilterOptions().setHasText("¥120.00"));
                assertThat(carolsRow).containsText("Received");
                carolsRow.getByRole(AriaRole.BUTTON, named("Reject")).click();
                assertThat(carolsRow).containsText("Rejected");
                assertEquals("REJECTED", fixtures.kyc().text("SELECT status FROM board_offer WHERE id = ?1", carols));
                assertEquals(carolHeld, fixtures.board().held(carol));

                bobsRow.getByRole(AriaRole.BUTTON, named("Counter")).click();
                bobsRow.getByLabel("Counter price (¥)").fill("123");
                bobsRow.getByRole(AriaRole.BUTTON, named("Send counter")).click();
                assertThat(bobsRow).containsText("Countered");
                assertThat(bobsRow).containsText("¥123.00");
                assertThat(bobsRow.getByLabel("Counter price (¥)")).hasCount(0);
                shot(davePage, "trader-offers");
                as("bob").get("/api/v1/offers/" + offerId).then().statusCode(200)
                        .body("status", org.hamcrest.Matchers.equalTo("COUNTERED"))
                        .body("counterFen", org.hamcrest.Matchers.equalTo(12_300));

                // bob accepts the counter: the trade settles at ¥123.
                ConsoleBrowser.open(bobPage, "/offers");
                Locator counterRow = offerRow(bobPage, title).filter(new Locator.FilterOptions().setHasText("¥120.00"));
                assertThat(counterRow).containsText("Countered");
                counterRow.getByRole(AriaRole.BUTTON, named("Accept ¥123.00")).click();
                bobPage.waitForURL(Pattern.compile(".*/trades/trd_.*"));
                assertThat(bobPage.getByTestId("trade-status")).hasText("Settled");
                String tradeId = bobPage.url().substring(bobPage.url().lastIndexOf('/') + 1);

                var kyc = fixtures.kyc();
                assertEquals("SETTLED", kyc.text("SELECT status FROM board_trade WHERE id = ?1", tradeId));
                assertEquals(12_300, kyc.count("SELECT price_fen FROM board_trade WHERE id = ?1", tradeId));
                assertEquals(bob.accountId(), kyc.text("SELECT buyer_id FROM board_trade WHERE id = ?1", tradeId));
                assertEquals("ACCEPTED", kyc.text("SELECT status FROM board_offer WHERE id = ?1", offerId));
                assertEquals(bob.accountId(), fixtures.board().chainAsset(assetId).path("ownerId").asText());
                assertEquals(bobAvailable - 12_300, fixtures.board().available(bob));
                assertEquals(bobHeld, fixtures.board().held(bob));
            }
        } finally {
            fixtures.board().restorePolicy(policy);
        }
    }

    private static Locator offerRow(Page page, String title) {
        return page.getByTestId("offers").locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText(title));
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void anEnglishAuctionBobBidsCarolOutbidsALowBidIsRefusedAndCarolWins() {
        BoardPolicies.Policy policy = roomyPolicy(fixtures.board().policy().chain().holdingPeriodSeconds());
        try {
            Party bob = party("bob", 500_000, fixtures);
            Party carol = party("carol", 500_000, fixtures);
            AuctionFixtures.Lot lot = auctions.lot();
            Listing listing = auctions.english(lot, 10_000, null, 500, Duration.ofMinutes(30), null);
            long bobHeld = fixtures.board().held(bob);
            long carolAvailable = fixtures.board().available(carol);

            try (BrowserContext bobs = ConsoleBrowser.context("en-US");
                    BrowserContext carols = ConsoleBrowser.context("en-US")) {
                Page bobPage = ConsoleBrowser.login(bobs, "bob");
                ConsoleBrowser.open(bobPage, "/board/" + listing.id());
                Locator bidCard = bobPage.getByTestId("bid-card");
                assertThat(bidCard).containsText("Next bid at least");
                assertThat(bidCard).containsText("¥100.00");
                bidCard.getByLabel("Amount (¥)").fill("100");
                bidCard.getByRole(AriaRole.BUTTON, named("Place bid")).click();
                assertThat(bobPage.getByText("Bid of ¥100.00 placed.")).isVisible();
                assertThat(bidCard.getByRole(AriaRole.TABLE)).containsText("¥100.00");
                assertEquals(bobHeld + 10_000, fixtures.board().held(bob));

                Page carolPage = ConsoleBrowser.login(carols, "carol");
                ConsoleBrowser.open(carolPage, "/board/" + listing.id());
                Locator carolCard = carolPage.getByTestId("bid-card");
                assertThat(carolCard).containsText("¥105.00");
                carolCard.getByLabel("Amount (¥)").fill("105");
                carolCard.getByRole(AriaRole.BUTTON, named("Place bid")).click();
                assertThat(carolPage.getByText("Bid of ¥105.00 placed.")).isVisible();
                // bob is outbid and his hold released in the same transaction
                assertEquals(bobHeld, fixtures.board().held(bob));

                // bob, still on the old page, bids what was enough a minute ago: refused in words, nothing held.
                bidCard.getByLabel("Amount (¥)").fill("105");
                bidCard.getByRole(AriaRole.BUTTON, named("Place bid")).click();
                Locator refusal = bidCard.getByRole(AriaRole.ALERT);
                assertThat(refusal).containsText("The bid is too low.");
                assertThat(refusal).containsText("BID_TOO_LOW");
                assertEquals(bobHeld, fixtures.board().held(bob));
                bobPage.reload();
                assertThat(bidCard).containsText("¥110.00");
                assertThat(bidCard.getByRole(AriaRole.TABLE)).containsText("Outbid");
                shot(bobPage, "trader-auction");
                assertEquals(Boolean.TRUE, bobPage.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                        "the bids table stays inside the side column");
                as("bob").get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200)
                        .body("highestFen", org.hamcrest.Matchers.equalTo(10_500))
                        .body("minimumBidFen", org.hamcrest.Matchers.equalTo(11_000))
                        .body("bids", org.hamcrest.Matchers.hasSize(2));

                // On a phone the bids fit the screen.
                try (BrowserContext phone = ConsoleBrowser.phoneContext("en-US")) {
                    Page small = ConsoleBrowser.login(phone, "bob");
                    ConsoleBrowser.open(small, "/board/" + listing.id());
                    assertThat(small.getByTestId("bid-card").getByRole(AriaRole.TABLE)).containsText("¥105.00");
                    shot(small, "trader-auction-phone");
                    assertEquals(Boolean.TRUE, small.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                            "no horizontal scrolling on a phone");
                }

                // The auction ends and is closed by the use case: carol wins at her bid.
                Listing ended = auctions.endBidding(listing.id());
                Auctions.ClosedAuction closed = auctions.close(listing.id(), ended.endsAt().plusSeconds(1));
                Trade trade = auctions.trade(closed.tradeId());
                assertEquals("SETTLED", trade.status().name());
                assertEquals(10_500, trade.price().fen());
                assertEquals(carol.accountId(), trade.buyerId());
                assertEquals(carol.accountId(), fixtures.board().chainAsset(lot.assetId()).path("ownerId").asText());
                assertEquals(carolAvailable - 10_500, fixtures.board().available(carol));

                ConsoleBrowser.open(carolPage, "/board/" + listing.id());
                carolPage.getByRole(AriaRole.LINK, pageNamed("See the trade")).click();
                carolPage.waitForURL(Pattern.compile(".*/trades/" + trade.id()));
                assertThat(carolPage.getByTestId("trade-status")).hasText("Settled");
                assertThat(carolPage.locator("main")).containsText("¥105.00");
            }
        } finally {
            fixtures.board().restorePolicy(policy);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void bobCommitsASealedBidInTheBrowserAndRevealsItWithTheSaltThePageKept() {
        BoardPolicies.Policy policy = roomyPolicy(fixtures.board().policy().chain().holdingPeriodSeconds());
        try {
            Party bob = party("bob", 500_000, fixtures);
            AuctionFixtures.Lot lot = auctions.lot();
            Listing listing = auctions.sealed(lot, 5_000, Duration.ofMinutes(30), Duration.ofMinutes(30));
            long bobHeld = fixtures.board().held(bob);
            long bobAvailable = fixtures.board().available(bob);

            try (BrowserContext bobs = ConsoleBrowser.context("en-US")) {
                Page page = ConsoleBrowser.login(bobs, "bob");
                ConsoleBrowser.open(page, "/board/" + listing.id());
                Locator card = page.getByTestId("sealed-card");
                assertThat(card).containsText("Bids are sealed");
                card.getByLabel("Amount (¥)").fill("80");
                card.getByRole(AriaRole.BUTTON, named("Commit sealed bid")).click();
                assertThat(page.getByTestId("sealed-secret")).containsText("¥80.00");
                assertThat(card).containsText("Committed");

                // The commitment the browser sent is SHA-256(amountFen:salt:account) with the salt it kept.
                List<Map<String, Object>> bids = as("bob").get("/api/v1/listings/" + listing.id() + "/bids")
                        .then().statusCode(200).extract().jsonPath().getList("bids");
                assertEquals(1, bids.size());
                String bidId = (String) bids.get(0).get("id");
                assertEquals("COMMITTED", bids.get(0).get("status"));
                assertEquals(null, bids.get(0).get("amountFen"));
                String stored = (String) page.evaluate("k => localStorage.getItem(k)",
                        "dcx.sealed." + listing.id() + "." + bidId);
                String salt = JsonPath.from(stored).getString("salt");
                assertTrue(salt.length() >= 16, stored);
                assertEquals(SealedBidAuction.commitmentOf(8_000, salt, bob.accountId()), bids.get(0).get("commitment"));
                assertEquals(bobHeld, fixtures.board().held(bob), "a commitment holds nothing");

                // Bidding ends; in the reveal window the page fills in the amount and salt it kept.
                Listing revealing = auctions.endBidding(listing.id());
                page.reload();
                assertThat(card).containsText("reveal your bid");
                assertThat(card.getByLabel("Salt")).hasValue(salt);
                assertThat(card.getByLabel("Amount (¥)")).hasValue("80.00");
                shot(page, "trader-sealed-reveal");
                card.getByRole(AriaRole.BUTTON, named("Reveal")).click();
                assertThat(card).containsText("Revealed");
                as("bob").get("/api/v1/listings/" + listing.id() + "/bids").then().statusCode(200)
                        .body("bids[0].id", org.hamcrest.Matchers.equalTo(bidId))
                        .body("bids[0].status", org.hamcrest.Matchers.equalTo("REVEALED"))
                        .body("bids[0].amountFen", org.hamcrest.Matchers.equalTo(8_000))
                        .body("bids[0].salt", org.hamcrest.Matchers.equalTo(salt));
                assertEquals(bobHeld + 8_000, fixtures.board().held(bob));

                // After the reveal window the close sells to bob at his own price.
                Auctions.ClosedAuction closed = auctions.close(listing.id(), revealing.revealEndsAt().plusSeconds(1));
                assertEquals(bidId, closed.winningBidId());
                Trade trade = auctions.trade(closed.tradeId());
                assertEquals("SETTLED", trade.status().name());
                assertEquals(8_000, trade.price().fen());
                assertEquals(bob.accountId(), fixtures.board().chainAsset(lot.assetId()).path("ownerId").asText());
                assertEquals(bobAvailable - 8_000, fixtures.board().available(bob));
                assertEquals(bobHeld, fixtures.board().held(bob));
            }
        } finally {
            fixtures.board().restorePolicy(policy);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void bobResellsAnEditionHeBoughtFromHisAssetsPage() {
        BoardPolicies.Policy policy = fixtures.board().policy();
        try {
            fixtures.board().quickResales();
            fixtures.board().chainPolicy(0, 10, 10_000);
            Party bob = party("bob", 500_000, fixtures);
            Party dave = party("dave", 0, fixtures);
            String title = "Resale " + E2eFixtures.unique() + " in spring";
            String assetId = davesEdition(dave, title);
            Listing first = fixtures.board().fixedPrice(dave, assetId, ISSUE_PRICE);
            as("bob").header("Idempotency-Key", "e2e-" + E2eFixtures.unique())
                    .post("/api/v1/listings/" + first.id() + "/purchase").then().statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("SETTLED"));
            assertEquals(bob.accountId(), fixtures.board().chainAsset(assetId).path("ownerId").asText());

            try (BrowserContext bobs = ConsoleBrowser.context("en-US")) {
                Page page = ConsoleBrowser.login(bobs, "bob");
                page.getByRole(AriaRole.NAVIGATION, pageNamed("Main"))
                        .getByRole(AriaRole.LINK, named("My assets").setExact(true)).click();
                assertThat(page.locator("#page-title")).hasText("My assets");
                Locator row = page.getByTestId("assets").locator("tbody tr")
                        .filter(new Locator.FilterOptions().setHasText(title));
                assertThat(row).hasCount(1);
                row.getByRole(AriaRole.BUTTON, named("Sell asset " + assetId)).click();
                Locator form = page.getByTestId("sell-form");
                assertThat(form).containsText("Sell " + title);
                // an edition may be sold at a fixed price or for offers only
                assertEquals(2, form.getByLabel("Type", new Locator.GetByLabelOptions().setExact(true)).locator("option").count());
                form.getByLabel("Price", new Locator.GetByLabelOptions().setExact(true)).fill("130.00");
                form.getByLabel("Seller’s disclosure").fill("Bought on the board; resold as is.");
                shot(page, "trader-assets-sell");
                form.getByRole(AriaRole.BUTTON, named("List on the board")).click();
                page.waitForURL(Pattern.compile(".*/board/lst_.*"));
                assertThat(page.locator("#page-title")).containsText(title);
                assertThat(page.getByText("This is your listing")).isVisible();
                String listingId = page.url().substring(page.url().lastIndexOf('/') + 1);

                JsonPath l = as("bob").get("/api/v1/listings/" + listingId).then().statusCode(200).extract().jsonPath();
                assertEquals(bob.accountId(), l.getString("sellerId"));
                assertEquals(assetId, l.getString("assetId"));
                assertEquals("FIXED_PRICE", l.getString("type"));
                assertEquals("OPEN", l.getString("status"));
                assertEquals(13_000, l.getLong("priceFen"));
                assertEquals("Bought on the board; resold as is.", l.getString("disclosure"));

                // on the board for everyone: carol finds it by its title
                List<String> found = as("carol").queryParam("q", title).get("/api/v1/listings").then().statusCode(200)
                        .extract().jsonPath().getList("id");
                assertEquals(List.of(listingId), found);
                ConsoleBrowser.open(page, "/board?q=" + title.split(" ")[1]);
                assertThat(page.locator("[data-testid=listing-card][data-listing-id=" + listingId + "]"))
                        .containsText("¥130.00");
                // and the assets page now links to it instead of offering to sell
                ConsoleBrowser.open(page, "/assets");
                assertThat(row.getByRole(AriaRole.LINK, named("Listed (Fixed price)"))).isVisible();
            }
        } finally {
            fixtures.board().restorePolicy(policy);
        }
    }

    /** A full-page screenshot from the top, once the confirmations (toasts) have gone by themselves. */
    private static void shot(Page page, String name) {
        assertThat(page.locator(".toast")).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        page.evaluate("window.scrollTo(0, 0)");
        ConsoleBrowser.screenshot(page, name);
    }

    private static String yuan(long fen) {
        return String.format(java.util.Locale.US, "¥%,d.%02d", fen / 100, fen % 100);
    }
}
