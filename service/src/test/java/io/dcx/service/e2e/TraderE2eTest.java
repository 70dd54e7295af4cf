package io.dcx.service.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.kyc.KycTestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A trader in a real browser against the real stack: finds a listing on the board by searching, buys it, follows the
 * settlement to SETTLED and sees the money leave the balance (checked in the page, in the journal and on chain); the
 * KYC form refuses a bad id number and bank card before anything is sent and takes a valid submission; a purchase
 * the pre-trade rules refuse says why, with the code, and changes nothing.
 */
@QuarkusTest
@TestProfile(ConsoleE2eProfile.class)
class TraderE2eTest {
    private static final long PRICE = 12_345;

    @Inject
    E2eFixtures fixtures;

    /** dave (a creator) approved, with a fresh work of three editions, the first listed at a fixed price. */
    private record Offered(Party seller, String title, String word, String workId, String assetId, Listing listing) {
    }

    private Offered daveListsAnEdition() {
        BoardFixtures board = fixtures.board();
        Party dave = new Party(E2eFixtures.subjectOf("dave"), fixtures.approved("dave", 0));
        String word = "Lantern" + E2eFixtures.unique();
        String title = "Harbour " + word + " at dusk";
        String workId = board.rights().workOnChain(dave.subject(), title).id();
        String assetId = board.rights().editionsOnChain(workId, dave.subject(), 3, PRICE).get(0).path("id").asText();
        return new Offered(dave, title, word, workId, assetId, board.fixedPrice(dave, assetId, PRICE));
    }

    private static Locator.GetByRoleOptions named(String name) {
        return new Locator.GetByRoleOptions().setName(name);
    }

    @Test
    void bobFindsAListingOnTheBoardBuysItAndSeesItSettle() {
        Party bob = new Party(E2eFixtures.subjectOf("bob"), fixtures.approved("bob", 500_000));
        Offered offered = daveListsAnEdition();
        long before = fixtures.board().available(bob);

        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "bob");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, named("Board").setExact(true)).click();
            assertThat(page.locator("#page-title")).hasText("Board");

            // Search by a word of the title.
            Locator search = page.getByRole(AriaRole.SEARCH);
            search.getByLabel("Title or id").fill(offered.word().toLowerCase());
            search.getByRole(AriaRole.BUTTON, named("Search")).click();
            Locator card = page.locator("[data-testid=listing-card][data-listing-id=" + offered.listing().id() + "]");
            assertThat(page.getByTestId("listing-card")).hasCount(1);
            assertThat(card).containsText(offered.title());
            assertThat(card).containsText("Fixed price");
            assertThat(card).containsText("¥123.45");
            assertTrue(page.url().contains("q=" + offered.word().toLowerCase()), page.url());
            shot(page, "trader-board");

            // Open it: terms, disclosure, licence, seller, price.
            card.getByRole(AriaRole.LINK).click();
            assertThat(page.locator("#page-title")).containsText(offered.title());
            assertThat(page.getByTestId("listing-price")).hasText("¥123.45");
            assertThat(page.getByTestId("listing-disclosure")).containsText("Edition as issued");
            assertThat(page.getByTestId("listing-licence")).containsText("No copyright");
            assertThat(page.getByTestId("listing-terms")).containsText(offered.seller().accountId().substring(0, 14));
            shot(page, "trader-listing");

            // Buy: the trade page follows the saga to SETTLED with every step done.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for ¥123.45")).click();
            page.waitForURL(Pattern.compile(".*/trades/trd_.*"));
            assertThat(page.getByTestId("trade-status")).hasText("Settled");
            for (String step : new String[] {"HOLD_FUNDS", "LOCK_ASSET", "SETTLE_ON_CHAIN", "POST_JOURNAL"}) {
                assertThat(page.getByTestId("step-" + step)).hasAttribute("data-status", "DONE");
            }
            assertThat(page.getByTestId("trade-outcome")).containsText("the asset is yours");
            assertThat(page.getByTestId("trade-progress")).containsText("Transfer ownership on chain");
            String tradeId = page.url().substring(page.url().lastIndexOf('/') + 1);
            shot(page, "trader-trade-settled");

            // The state behind it: the trade settled, bob owns the edition on chain, the journal took the price.
            var kyc = fixtures.kyc();
            assertEquals("SETTLED", kyc.text("SELECT status FROM board_trade WHERE id = ?1", tradeId));
            assertEquals(bob.accountId(), kyc.text("SELECT buyer_id FROM board_trade WHERE id = ?1", tradeId));
            assertEquals(bob.accountId(), fixtures.board().chainAsset(offered.assetId()).path("ownerId").asText());
            long after = fixtures.board().available(bob);
            assertEquals(before - PRICE, after);

            // Balances show the same.
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, named("Balances").setExact(true)).click();
            assertThat(page.getByTestId("balance-available")).containsText(yuan(after));
            shot(page, "trader-account");

            // My trades lists it, by the work's title.
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, named("My trades").setExact(true)).click();
            assertThat(page.getByTestId("trades")).containsText(offered.title());
        }
    }

    @Test
    void theBoardInChineseAndOnAPhone() {
        fixtures.approved("bob", 0);
        Offered offered = daveListsAnEdition();
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "bob");
            ConsoleBrowser.open(page, "/board?q=" + offered.word());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
            assertThat(page.locator("#page-title")).hasText("交易板");
            assertThat(page.getByTestId("listing-card")).containsText("一口价");
            assertThat(page.getByTestId("listing-card")).containsText("第 1 份，共 3 份");
            ConsoleBrowser.open(page, "/board");
            assertThat(page.getByTestId("listing-card").first()).isVisible();
            shot(page, "trader-board-zh");
        }
        try (BrowserContext context = ConsoleBrowser.phoneContext("en-US")) {
            Page page = ConsoleBrowser.login(context, "bob");
            ConsoleBrowser.open(page, "/board");
            assertThat(page.getByTestId("listing-card").first()).isVisible();
            shot(page, "trader-board-phone");
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "no horizontal scrolling on a phone");
            ConsoleBrowser.open(page, "/board/" + offered.listing().id());
            assertThat(page.getByTestId("buy-card")).isVisible();
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "no horizontal scrolling on a phone (listing)");
        }
    }

    @Test
    void theKycFormChecksIdNumberAndCardBeforeSendingAndCarolSubmits() {
        fixtures.unverified("carol");
        String carol = fixtures.accountOf("carol");
        String goodId = KycTestData.randomResidentId();
        String goodCard = KycTestData.randomBankCard();
        String badCard = goodCard.substring(0, 15) + (char) ('0' + (goodCard.charAt(15) - '0' + 1) % 10);

        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "carol");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, named("Real-name verification").setExact(true)).click();
            assertThat(page.getByTestId("kyc-status")).containsText("Not submitted");

            page.getByLabel("Full name").fill("陈晓");
            page.getByLabel("Resident id number").fill(KycTestData.withWrongCheck(goodId));
            page.getByLabel("Mobile number").fill(KycTestData.randomPhone());
            page.getByLabel("Resident id number").blur();
            Locator idField = page.locator(".field:has(input[name=idNumber])");
            assertThat(idField.getByRole(AriaRole.ALERT)).containsText("The check character does not match");
            assertThat(page.getByLabel("Resident id number")).hasAttribute("aria-invalid", "true");
            page.getByLabel("Bank card number").fill(badCard);
            page.getByLabel("Bank card number").blur();
            Locator cardField = page.locator(".field:has(input[name=bankCard])");
            assertThat(cardField.getByRole(AriaRole.ALERT)).containsText("check digit does not match");
            // Submitting does not send: the form says what to fix and nothing reaches the service.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
            assertThat(page.getByTestId("kyc-form-errors")).containsText("2 highlighted fields");
            shot(page, "trader-kyc-invalid");
            assertEquals(0, fixtures.kyc().count("SELECT count(*) FROM kyc_application WHERE account_id = ?1", carol));

            // A birth date that does not exist is caught too.
            page.getByLabel("Resident id number").fill("11010519900230" + "1234");
            assertThat(idField.getByRole(AriaRole.ALERT)).containsText("real birth date");

            // Corrected, it goes through and the status says SUBMITTED.
            page.getByLabel("Resident id number").fill(goodId);
            page.getByLabel("Bank card number").fill(goodCard);
            assertThat(idField.getByRole(AriaRole.ALERT)).hasCount(0);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
            assertThat(page.getByTestId("kyc-status").locator("[data-status]")).hasText("Submitted");
            assertThat(page.getByTestId("kyc-status")).containsText(goodId);
            shot(page, "trader-kyc");
            assertEquals("SUBMITTED", fixtures.kyc().text("SELECT kyc_status FROM account WHERE id = ?1", carol));
            assertEquals(1, fixtures.kyc().count("SELECT count(*) FROM kyc_application WHERE account_id = ?1", carol));
        }
    }

    @Test
    void aPurchaseTheRulesRefuseSaysWhyAndChangesNothing() {
        fixtures.unverified("carol");
        Offered offered = daveListsAnEdition();
        var kyc = fixtures.kyc();
        long trades = kyc.count("SELECT count(*) FROM board_trade WHERE listing_id = ?1", offered.listing().id());

        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "carol");
            ConsoleBrowser.open(page, "/board/" + offered.listing().id());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for ¥123.45")).click();
            Locator refusal = page.getByTestId("buy-card").getByRole(AriaRole.ALERT);
            assertThat(refusal).containsText("Approved real-name verification is required first.");
            assertThat(refusal).containsText("KYC_REQUIRED");
            assertTrue(page.url().endsWith("/board/" + offered.listing().id()), page.url());
        }
        assertEquals(trades, kyc.count("SELECT count(*) FROM board_trade WHERE listing_id = ?1",
                offered.listing().id()));
        assertEquals("OPEN", kyc.text("SELECT status FROM board_listing WHERE id = ?1", offered.listing().id()));
        assertEquals(offered.seller().accountId(),
                fixtures.board().chainAsset(offered.assetId()).path("ownerId").asText());
    }

    @Test
    void bobCannotBuyHisOwnListingAndIsToldSo() {
        BoardFixtures board = fixtures.board();
        Party bob = new Party(E2eFixtures.subjectOf("bob"), fixtures.approved("bob", 100_000));
        // bob's own listing: the page offers him to take it off the board, not to buy it; the API refuses SELF_TRADE.
        String workId = board.rights().workOnChain(bob.subject(), "Self " + E2eFixtures.unique()).id();
        String assetId = board.rights().editionsOnChain(workId, bob.subject(), 1, PRICE).get(0).path("id").asText();
        Listing own = board.fixedPrice(bob, assetId, PRICE);
        long before = board.available(bob);
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "bob");
            ConsoleBrowser.open(page, "/board/" + own.id());
            assertThat(page.getByText("This is your listing")).isVisible();
            assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Buy for"))).count());
        }
        assertEquals(before, board.available(bob));
    }

    /** A full-page screenshot from the top (a page scrolled to a focused field would show the sticky bar mid-page). */
    private static void shot(Page page, String name) {
        page.evaluate("window.scrollTo(0, 0)");
        ConsoleBrowser.screenshot(page, name);
    }

    private static String yuan(long fen) {
        return String.format(java.util.Locale.US, "¥%,d.%02d", fen / 100, fen % 100);
    }
}
