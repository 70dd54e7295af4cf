package io.dcx.service.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.dcx.service.api.ConsoleTestImages;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.domain.board.TradeStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The creator's console in a real browser: alice drops a PNG, sees its SHA-256 computed in the browser before the
 * upload (equal to the file's real SHA-256), registers it, sees the certificate facts and downloads the PDF, issues
 * editions and lists one on the board; the same bytes again are refused naming her work; dave's resized copy is held
 * for review with alice's work shown as similar; the works and royalties pages render.
 */
@QuarkusTest
@TestProfile(ConsoleE2eProfile.class)
class CreatorE2eTest {

    @Inject
    E2eFixtures fixtures;
    @Inject
    Purchases purchases;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("dcx-e2e-creator");
        return Files.write(dir.resolve(name), bytes);
    }

    /** A full-page screenshot from the top (the sticky top bar would otherwise be drawn where the page was scrolled). */
    private static void shot(Page page, String name) {
        page.evaluate("() => window.scrollTo(0, 0)");
        ConsoleBrowser.screenshot(page, name);
    }

    private static JsonPath apiGet(String user, String path) {
        return given().baseUri(ConsoleBrowser.BASE_URL).auth().oauth2(E2eFixtures.tokenFor(user))
                .get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCreatorRegistersAWorkDownloadsItsCertificateIssuesEditionsAndACopyIsHeldForReview() throws IOException {
        fixtures.approved("alice", 0);
        byte[] png = ConsoleTestImages.freshPng();
        String sha = sha256(png);
        String title = "Harbour at dawn " + E2eFixtures.unique();
        Path original = file("harbour-at-dawn.png", png);
        String workId;

        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "alice");
            page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Register a work").setExact(true)).click();
            assertThat(page.locator("#page-title")).hasText("Register a work");

            // The drop zone is a keyboard-reachable button; the file goes to its input.
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("Drop a file here")))).isVisible();
            page.getByTestId("work-file").setInputFiles(original);
            // The SHA-256 is computed in the browser and shown before anything is uploaded.
            assertThat(page.getByTestId("browser-sha256")).hasText(sha);
            assertThat(page.getByLabel("Title")).hasValue("harbour-at-dawn");
            assertThat(page.getByLabel("Kind")).hasValue("IMAGE");
            page.getByLabel("Title").fill(title);
            page.getByLabel("Description (optional)").fill("Morning light over the Huangpu.");
            shot(page, "creator-register");

            page.getByRole(AriaRole.BUTTON, named("Register on chain")).click();
            page.waitForURL(Pattern.compile(".*/works/wk_[^/?]+\\?registered=1$"));
            workId = page.url().replaceAll(".*/works/([^/?]+).*", "$1");

            // What the chain recorded, read through the API, is what the page shows.
            JsonPath work = apiGet("alice", "/api/v1/works/" + workId);
            assertThat(work.getString("contentHash")).isEqualTo(sha);
            assertThat(page.locator("#page-title")).hasText(title);
            Locator notice = page.getByTestId("registered-notice");
            assertThat(notice).containsText("Registered on chain.");
            assertThat(notice).containsText("Block " + work.getLong("blockNumber"));
            assertThat(page.getByTestId("content-hash")).hasText(sha);
            assertThat(page.getByTestId("hash-check")).hasAttribute("data-match", "true");
            assertThat(page.getByTestId("work-tx").locator("code")).hasAttribute("title", work.getString("txId"));
            assertThat(page.getByTestId("work-block")).hasText(String.valueOf(work.getLong("blockNumber")));
            assertThat(page.getByTestId("work-facts")).containsText("Morning light over the Huangpu.");
            assertThat(page.getByTestId("provenance")).containsText("Registered on chain");
            assertThat(page.getByTestId("work-facts").locator("img.thumb")).isVisible();

            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    named("Download certificate (PDF)")).click());
            byte[] pdf = Files.readAllBytes(download.path());
            assertThat(pdf.length).isGreaterThan(1000);
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(download.suggestedFilename()).endsWith(".pdf");

            // Five editions at 88 yuan.
            page.getByLabel("Number of editions (1–10,000)").fill("5");
            page.getByLabel("Issue price (¥)").fill("88");
            page.getByRole(AriaRole.BUTTON, named("Issue editions")).click();
            Locator assets = page.getByTestId("assets");
            assertThat(assets.locator("tbody tr")).hasCount(5);
            assertThat(assets.locator("tbody tr").first()).containsText("Edition 1 of 5");
            assertThat(assets.locator("tbody tr").first()).containsText("¥88.00");
            List<Object> issued = apiGet("alice", "/api/v1/works/" + workId + "/assets").getList("edition");
            assertThat(issued).hasSize(5);
            assertThat(page.getByTestId("provenance")).containsText("5 editions issued");

            // Edition 1 goes on the board at 120 yuan.
            page.getByRole(AriaRole.BUTTON, named("List Edition 1 of 5 for sale")).click();
            Locator sell = page.getByTestId("sell-form");
            sell.getByLabel("Price (¥)").fill("120");
            sell.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put on the board")).click();
            assertThat(sell).isHidden();
            assertThat(assets.locator("tbody tr").first()).containsText("Listed");
            assertThat(assets.locator("tbody tr").first()).containsText("¥120.00");
            JsonPath listings = apiGet("alice", "/api/v1/listings?workId=" + workId);
            assertThat(listings.getList("priceFen")).containsExactly(12_000);
            assertThat(listings.getList("status")).containsExactly("OPEN");
            // the confirmations come as toasts, which then go away by themselves
            // (each lives 5 s from its own appearance, so two in a row need longer than the assertion's 5 s default)
            assertThat(page.locator(".toast")).hasCount(0,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(20_000));
            shot(page, "creator-work");

            page.getByRole(AriaRole.BUTTON, named("中文")).click();
            assertThat(page.getByTestId("work-facts")).containsText("内容哈希（SHA-256）");
            assertThat(page.getByRole(AriaRole.BUTTON, named("下载登记证书（PDF）"))).isVisible();
            shot(page, "creator-work-zh");
            page.getByRole(AriaRole.BUTTON, named("EN")).click();

            // The same bytes again: refused, naming the earlier work.
            ConsoleBrowser.open(page, "/works/new");
            page.getByTestId("work-file").setInputFiles(original);
            assertThat(page.getByTestId("browser-sha256")).hasText(sha);
            page.getByRole(AriaRole.BUTTON, named("Register on chain")).click();
            Locator refused = page.getByTestId("duplicate-content");
            assertThat(refused).containsText("This exact file is already registered.");
            assertThat(refused.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)))
                    .hasAttribute("href", "/works/" + workId);

            // My works: the new work with its thumbnail.
            page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("My works").setExact(true)).click();
            assertThat(page.locator("#page-title")).hasText("My works");
            Locator tile = page.getByTestId("my-works").locator("li").filter(new Locator.FilterOptions().setHasText(title));
            assertThat(tile).hasCount(1);
            assertThat(tile.locator("img.thumb")).isVisible();
            shot(page, "creator-works");

            // Bob buys edition 1 from alice's listing (a primary sale: no royalty) and resells it to carol at
            // 130 yuan: alice earns the royalty, 500 bps of the price (she holds the whole creators' share).
            String tradeId = resell(workId, listings.getString("[0].id"), listings.getString("[0].assetId"));

            page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Royalties").setExact(true)).click();
            assertThat(page.locator("#page-title")).hasText("Royalties");
            JsonPath royalties = apiGet("alice", "/api/v1/accounts/me/royalties");
            assertThat(royalties.getString("entries[0].tradeId")).isEqualTo(tradeId);
            assertThat(royalties.getLong("entries[0].amountFen")).isEqualTo(650);
            long total = royalties.getLong("totalFen");
            assertThat(page.getByTestId("royalties-total")).containsText(
                    String.format(java.util.Locale.US, "¥%,d.%02d", total / 100, total % 100));
            Locator credit = page.getByTestId("royalties").locator("tbody tr").first();
            assertThat(credit).containsText(title);
            assertThat(credit).containsText("¥130.00");
            assertThat(credit).containsText("¥6.50");
            shot(page, "creator-royalties");
        }

        // Dave uploads a resized copy of alice's picture: held for review, alice's work named as similar.
        byte[] copy = ConsoleTestImages.resizedJpeg(png, 320);
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "dave");
            ConsoleBrowser.open(page, "/works/new");
            page.getByTestId("work-file").setInputFiles(file("harbour-copy.jpg", copy));
            assertThat(page.getByTestId("browser-sha256")).hasText(sha256(copy));
            page.getByLabel("Title").fill("Harbour (copy) " + E2eFixtures.unique());
            page.getByRole(AriaRole.BUTTON, named("Register on chain")).click();
            Locator held = page.getByTestId("near-duplicate");
            assertThat(held).containsText("Held for review");
            Locator similar = page.getByTestId("similar-works").locator("li")
                    .filter(new Locator.FilterOptions().setHasText(title));
            assertThat(similar).hasCount(1);
            assertThat(similar).containsText(Pattern.compile("distance \\d+ bits"));
            assertThat(similar.locator("img.thumb")).isVisible();
            assertThat(similar.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)))
                    .hasAttribute("href", "/works/" + workId);
            assertThat(page.getByTestId("hash-check")).hasAttribute("data-match", "true");
            shot(page, "creator-register-duplicate");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Follow this registration")).click();
            page.waitForURL(Pattern.compile(".*/registrations/[^/]+$"));
            String reviewId = page.url().replaceAll(".*/registrations/", "");
            assertThat(page.getByTestId("registration-status")).containsText("An operator is comparing");
            assertThat(page.getByTestId("similar-works")).containsText(title);
            shot(page, "creator-registration");
            JsonPath review = apiGet("dave", "/api/v1/registrations/" + reviewId);
            assertThat(review.getString("status")).isEqualTo("PENDING_REVIEW");
            assertThat(review.getList("similar.workId")).contains(workId);
        }
    }

    /** Bob buys the listing, lists the edition at 130 yuan and carol buys it; the id of the resale. */
    private String resell(String workId, String listingId, String assetId) {
        BoardPolicies.Policy before = fixtures.board().policy();
        fixtures.board().quickResales();
        try {
            Party bob = new Party(E2eFixtures.subjectOf("bob"), fixtures.approved("bob", 100_000));
            Party carol = new Party(E2eFixtures.subjectOf("carol"), fixtures.approved("carol", 100_000));
            assertThat(purchases.buy(bob.actor(), listingId).status()).isEqualTo(TradeStatus.SETTLED);
            var resale = purchases.buy(carol.actor(), fixtures.board().fixedPrice(bob, assetId, 13_000).id());
            assertThat(resale.status()).isEqualTo(TradeStatus.SETTLED);
            assertThat(resale.workId()).isEqualTo(workId);
            return resale.id();
        } finally {
            fixtures.board().restorePolicy(before);
        }
    }

    @Test
    void onAPhoneTheRegistrationFormFitsTheScreen() throws IOException {
        byte[] png = ConsoleTestImages.freshPng();
        try (BrowserContext context = ConsoleBrowser.phoneContext("en-US")) {
            Page page = ConsoleBrowser.login(context, "alice");
            ConsoleBrowser.open(page, "/works/new");
            page.getByTestId("work-file").setInputFiles(file("phone.png", png));
            assertThat(page.getByTestId("browser-sha256")).hasText(sha256(png));
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            shot(page, "creator-register-phone");
        }
    }
}
