package io.dcx.service.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.risk.RiskFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The regulator's console, on real activity: a work registered on chain with an edition, listed and bought (a
 * settled trade), bought back (a second settled trade, which surveillance flags as a circular trade and opens a case
 * about). Rita traces the work by its content hash and checks the timeline against the chain's own provenance, finds
 * the trades, exports them as CSV, checks the audit log's integrity, looks through an account with a reason and finds
 * it in the log, sees today's trades in the daily activity chart, and sees a case without any control to act on it.
 */
@QuarkusTest
@TestProfile(ConsoleE2eProfile.class)
class RegulatorE2eTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static RiskFixtures.Circle circle;
    private static String caseId;

    @Inject
    RiskFixtures risk;
    @Inject
    E2eFixtures fixtures;

    /** One circle of trades for the whole class (made through the board's real use cases). */
    private synchronized RiskFixtures.Circle circle() {
        if (circle == null) {
            // The buyer resells at once: no holding period while the circle is made, the board's policy as it was after.
            BoardPolicies.Policy policy = fixtures.board().policy();
            fixtures.board().quickResales();
            try {
                circle = risk.circle();
            } finally {
                fixtures.board().restorePolicy(policy);
            }
            caseId = risk.caseOf(circle);
        }
        return circle;
    }

    private static JsonPath get(String path) {
        return RestAssured.given().baseUri(ConsoleBrowser.BASE_URL).auth().oauth2(E2eFixtures.tokenFor("rita"))
                .get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Locator.GetByRoleOptions named(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Page.GetByRoleOptions exactly(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void ritaTracesAWorkByItsContentHashAndTheTimelineMatchesTheChain() {
        RiskFixtures.Circle c = circle();
        String workId = get("/api/v1/assets/" + c.assetId()).getString("workId");
        JsonPath work = get("/api/v1/works/" + workId);
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "rita");
            page.getByRole(AriaRole.NAVIGATION, exactly("Main")).getByRole(AriaRole.LINK, named("Provenance")).click();
            assertThat(page.locator("#page-title")).hasText("Provenance");
            page.getByLabel("Work id or content hash").fill(work.getString("contentHash"));
            page.getByRole(AriaRole.BUTTON, exactly("Search")).click();
            page.waitForURL(ConsoleBrowser.BASE_URL + "/supervision/provenance/" + workId);
            assertThat(page.locator("#page-title")).hasText("Provenance of “" + work.getString("title") + "”");
            assertThat(page.getByTestId("work-content-hash")).hasText(work.getString("contentHash"));

            // Every change the chain recorded is on the timeline with its transaction and block.
            Locator timeline = page.getByTestId("provenance-timeline");
            List<Map<String, Object>> chain = new ArrayList<>(get("/api/v1/works/" + workId + "/provenance")
                    .getList("entries"));
            chain.addAll(get("/api/v1/assets/" + c.assetId() + "/provenance").getList("entries"));
            List<String> actions = new ArrayList<>();
            for (Map<String, Object> entry : chain) {
                String txId = (String) entry.get("txId");
                Locator item = timeline.locator("li").filter(new Locator.FilterOptions().setHasText(txId));
                assertThat(item).hasCount(1);
                assertThat(item.getByTestId("tl-block")).hasText(String.valueOf(entry.get("blockNumber")));
                actions.add((String) entry.get("action"));
            }
            assertEquals(List.of("REGISTERED", "ISSUED", "LOCKED", "SETTLED", "LOCKED", "SETTLED"), actions);
            assertThat(timeline.locator("li").first()).containsText("Work registered");
            assertEquals(work.getString("txId"), chain.get(0).get("txId"));
            // The settlement names the board's trade, whose settlement transaction is the chain's.
            JsonPath trade = get("/api/v1/trades/" + c.first().id());
            Locator settled = timeline.locator("li").filter(new Locator.FilterOptions()
                    .setHasText(trade.getString("settleTxId")));
            assertThat(settled).containsText("settled: ownership transferred");
            assertThat(settled.getByRole(AriaRole.LINK, named(c.first().id()))).isVisible();
            assertThat(settled.getByTestId("tl-block")).hasText(String.valueOf(trade.getLong("settleBlock")));

            // Each block the timeline names has its header; the walk over the whole ledger is intact.
            Locator blocks = page.getByTestId("blocks-card");
            assertThat(blocks.getByRole(AriaRole.CELL, named(String.valueOf(trade.getLong("settleBlock")))))
                    .isVisible();
            blocks.getByRole(AriaRole.BUTTON, named("Verify all blocks")).click();
            assertThat(page.getByTestId("blocks-result")).containsText("Intact");
            // Nothing is anchored in tests (no EVM chain): the proof card says so.
            assertThat(page.getByTestId("proof-card")).containsText("Not anchored");

            // An asset's own history opens below the assets table.
            page.getByRole(AriaRole.BUTTON, exactly("Show history")).first().click();
            assertThat(page.getByTestId("asset-history").locator("li")).hasCount(5);
            page.evaluate("window.scrollTo(0, 0)");
            ConsoleBrowser.screenshot(page, "regulator-provenance");

            page.getByRole(AriaRole.BUTTON, exactly("中文")).click();
            assertThat(page.locator("#page-title")).hasText("“" + work.getString("title") + "”的来源");
            assertThat(page.getByRole(AriaRole.HEADING, exactly("链上时间线"))).isVisible();
            page.evaluate("window.scrollTo(0, 0)");
            ConsoleBrowser.screenshot(page, "regulator-provenance-zh");
        }
    }

    @Test
    void ritaFindsTheTradesAndExportsThemAsCsv() throws IOException {
        RiskFixtures.Circle c = circle();
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "rita");
            ConsoleBrowser.open(page, "/supervision/trades");
            assertThat(page.locator("#page-title")).hasText("All trades");
            page.getByLabel("Asset").fill(c.assetId());
            page.getByRole(AriaRole.BUTTON, exactly("Apply")).click();
            Locator table = page.getByTestId("trades-table");
            assertThat(table.locator("tbody tr")).hasCount(2);
            assertThat(table.getByRole(AriaRole.LINK, named(c.second().id()))).isVisible();
            page.getByLabel("Status").selectOption("SETTLED");
            assertThat(table.locator("tbody tr")).hasCount(2);
            page.getByLabel("Asset").fill("");
            page.getByRole(AriaRole.BUTTON, exactly("Apply")).click();
            assertThat(table.locator("tbody tr").first()).isVisible();
            ConsoleBrowser.screenshot(page, "regulator-trades");

            ConsoleBrowser.open(page, "/supervision/trades/" + c.first().id());
            assertThat(page.locator("#page-title")).hasText("Trade " + c.first().id());
            assertThat(page.locator("main [data-status=SETTLED]").first()).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, exactly("Settlement steps"))).isVisible();

            ConsoleBrowser.open(page, "/supervision/exports");
            assertThat(page.getByLabel("Data")).hasValue("trades");
            Download download = page.waitForDownload(() ->
                    page.getByRole(AriaRole.BUTTON, exactly("Download CSV")).click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFF"), "UTF-8 with a byte-order mark");
            String[] lines = csv.substring(1).split("\r\n");
            assertEquals("id,created_at,settled_at,status,listing_id,asset_id,work_id,seller_id,buyer_id,price_fen,"
                    + "fee_fen,royalty_fen,seller_net_fen,origin,rail,resale,failure_code,settle_tx_id,settle_block",
                    lines[0]);
            String row = List.of(lines).stream().filter(l -> l.startsWith(c.first().id() + ",")).findFirst()
                    .orElseThrow(() -> new AssertionError("the settled trade is not in the export"));
            assertTrue(row.contains(",SETTLED,"), row);
            assertTrue(download.suggestedFilename().endsWith(".csv"), download.suggestedFilename());
            // The export is on record: rita's EXPORT event of trades, listed under the form.
            String rita = fixtures.accountOf("rita");
            assertEquals(rita, get("/api/v1/audit/events?action=EXPORT&subjectId=trades&limit=1")
                    .getString("events[0].actor"));
            Locator latest = page.getByTestId("exports-log").locator("tbody tr").first();
            assertThat(latest).containsText("Trades");
            assertThat(latest.getByRole(AriaRole.LINK, named(rita))).isVisible();
            ConsoleBrowser.screenshot(page, "regulator-exports");
        }
    }

    @Test
    void ritaSeesTheAuditLogIntactAndLooksThroughAnAccountWithAReason() {
        RiskFixtures.Circle c = circle();
        String account = c.b().accountId();
        String reason = "Inquiry into circular trading, e2e " + E2eFixtures.unique();
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "rita");
            ConsoleBrowser.open(page, "/supervision/audit");
            assertTrue(get("/api/v1/audit/integrity").getBoolean("intact"));
            assertThat(page.getByTestId("integrity-result")).containsText("Intact.");
            page.getByTestId("block-walk-card").getByRole(AriaRole.BUTTON, named("Verify all blocks")).click();
            assertThat(page.getByTestId("blocks-result")).containsText("Intact");
            page.getByLabel("Action").fill("BLOCKS_VERIFIED");
            page.getByRole(AriaRole.BUTTON, exactly("Apply")).click();
            assertThat(page.getByTestId("audit-table").locator("tbody tr").first()).containsText("BLOCKS_VERIFIED");
            page.getByRole(AriaRole.BUTTON, exactly("Clear")).click();
            Locator rows = page.getByTestId("audit-table").locator("tbody tr");
            page.waitForCondition(() -> rows.count() > 1);
            ConsoleBrowser.screenshot(page, "regulator-audit");

            // Without a reason nothing is asked of the service and nothing is written.
            int before = get("/api/v1/regulator/look-through/log?accountId=" + account).getList("lookUps").size();
            ConsoleBrowser.open(page, "/supervision/look-through?account=" + account);
            assertThat(page.getByLabel("Account").first()).hasValue(account);
            page.getByRole(AriaRole.BUTTON, exactly("Look through")).click();
            assertThat(page.getByText("A reason is required for every look-through.")).isVisible();
            assertEquals(before, get("/api/v1/regulator/look-through/log?accountId=" + account).getList("lookUps")
                    .size());

            page.getByLabel("Reason").fill(reason);
            page.getByRole(AriaRole.BUTTON, exactly("Look through")).click();
            assertThat(page.getByTestId("look-through-name")).hasText("陈静");
            assertThat(page.getByTestId("look-through-result")).containsText("Recorded in the audit log as event");
            Locator logged = page.getByTestId("look-through-log").locator("tbody tr")
                    .filter(new Locator.FilterOptions().setHasText(reason));
            assertThat(logged).hasCount(1);
            assertThat(logged.getByRole(AriaRole.LINK, named(account))).isVisible();
            JsonPath log = get("/api/v1/regulator/look-through/log?accountId=" + account + "&limit=1");
            assertEquals(reason, log.getString("lookUps[0].reason"));
            assertEquals(before + 1, get("/api/v1/regulator/look-through/log?accountId=" + account)
                    .getList("lookUps").size());
            ConsoleBrowser.screenshot(page, "regulator-look-through");
        }
    }

    @Test
    void theDailyActivityChartCountsTodaysTradesAndTheCaseHasNoControls() {
        circle();
        String today = LocalDate.now(BEIJING).toString();
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "rita");
            page.getByRole(AriaRole.NAVIGATION, exactly("Main")).getByRole(AriaRole.LINK, named("Daily activity"))
                    .click();
            assertThat(page.locator("#page-title")).hasText("Daily activity");
            Locator todayCell = page.getByTestId("chart-trades").locator("tr")
                    .filter(new Locator.FilterOptions().setHasText(today)).locator("td");
            assertThat(todayCell).hasText(Pattern.compile("\\d+"));
            long shown = Long.parseLong(todayCell.textContent());
            long counted = get("/api/v1/audit/statistics?from=" + today + "&to=" + today)
                    .getLong("days[0].tradesSettled");
            assertTrue(shown >= 2 && shown <= counted, "chart " + shown + ", statistics " + counted);
            assertThat(page.getByTestId("chart-alerts")).containsText("Circular trade");
            ConsoleBrowser.screenshot(page, "regulator-statistics");

            // Alerts and cases are read-only for the regulator: the list and the case have no action controls.
            ConsoleBrowser.open(page, "/supervision/alerts");
            assertThat(page.getByTestId("cases-table").getByRole(AriaRole.LINK, named(caseId))).isVisible();
            assertThat(page.getByText("Read-only")).isVisible();
            ConsoleBrowser.screenshot(page, "regulator-alerts");
            page.getByTestId("cases-table").getByRole(AriaRole.LINK, named(caseId)).click();
            assertThat(page.locator("#page-title")).hasText("Case " + caseId);
            assertThat(page.getByRole(AriaRole.HEADING, exactly("History"))).isVisible();
            assertThat(page.getByText("Asset halted")).isVisible();
            assertEquals(0, page.locator("main button, main form, main input, main select, main textarea").count(),
                    "no controls on a case for the regulator");
            for (String action : List.of("Dismiss", "Escalate", "Halt", "Freeze", "Suspend")) {
                assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                        .setName(Pattern.compile(action, Pattern.CASE_INSENSITIVE))).count(), action);
            }
        }
    }

    @Test
    void onAPhoneTheDailyActivityFitsTheScreen() {
        circle();
        try (BrowserContext context = ConsoleBrowser.phoneContext("en-US")) {
            Page page = ConsoleBrowser.login(context, "rita");
            ConsoleBrowser.open(page, "/supervision/statistics");
            assertThat(page.getByTestId("chart-trades")).isVisible();
            assertThat(page.getByTestId("stats-table").locator("tbody tr").first()).isVisible();
            assertFalse((Boolean) page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
                    "no horizontal scrolling on a phone");
            ConsoleBrowser.screenshot(page, "regulator-statistics-phone");
        }
    }

    @Test
    void anOperatorReadsTheSupervisionViewsButNotTheRegulatorsAlertsPage() {
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "olivia");
            Locator nav = page.getByRole(AriaRole.NAVIGATION, exactly("Main"));
            assertThat(nav.getByRole(AriaRole.LINK, named("Audit log")).first()).isVisible();
            ConsoleBrowser.open(page, "/supervision/look-through");
            assertThat(page.getByText("Only regulators look through accounts.")).isVisible();
            assertEquals(0, page.getByRole(AriaRole.BUTTON, exactly("Look through")).count());
            ConsoleBrowser.open(page, "/supervision/alerts");
            assertThat(page.locator("#page-title")).hasText("Not available for your role");
        }
    }
}
