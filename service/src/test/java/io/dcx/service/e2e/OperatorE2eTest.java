package io.dcx.service.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.dcx.service.api.ConsoleTestImages;
import io.dcx.service.api.KycFixtures;
import io.dcx.service.api.RegistrationFixtures;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.kyc.KycView;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.review.RegistrationReview;
import io.dcx.service.risk.RiskFixtures;
import io.dcx.service.risk.RiskFixtures.Circle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Olivia, the exchange's operator, in a real browser: works a surveillance case that the engine raised from real
 * settled trades (a circle A-B-A through the board), approves a KYC submission from the queue, rejects a near
 * duplicate registration after comparing it with the registered original, and runs a reconciliation. Every step is
 * checked in the page and in the service's state (API, audit log).
 */
@QuarkusTest
@TestProfile(ConsoleE2eProfile.class)
class OperatorE2eTest {
    @Inject
    E2eFixtures fixtures;
    @Inject
    RiskFixtures risk;
    @Inject
    RegistrationFixtures registrations;

    private static Locator card(Page page, String testId) {
        return page.getByTestId(testId);
    }

    /** Waits until the toasts (shown for five seconds) are gone, for screenshots without them. */
    private static void noToasts(Page page) {
        assertThat(page.locator(".toast")).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
    }

    private static Locator label(Locator scope, String name) {
        return scope.getByLabel(name, new Locator.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void oliviaWorksACaseFromTheAlertsPageToEscalation() {
        // A real case: A sells an edition to B and B sells it back; surveillance raises CIRCULAR_TRADE from the
        // chain's TradeSettled events and halts the asset for a cooling-off period by itself.
        BoardPolicies.Policy before = fixtures.board().policy();
        fixtures.board().quickResales();
        Circle circle;
        try {
            circle = risk.circle();
        } finally {
            fixtures.board().restorePolicy(before);
        }
        String caseId = risk.caseOf(circle);
        String reason = "Wash trading between two accounts, " + E2eFixtures.unique();

        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "olivia");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Alerts and cases").setExact(true))
                    .click();
            assertThat(page.locator("#page-title")).hasText("Alerts and cases");

            // Find the alert by its asset and open its case.
            page.getByLabel("Asset", new Page.GetByLabelOptions().setExact(true)).fill(circle.assetId());
            page.getByLabel("Rule", new Page.GetByLabelOptions().setExact(true)).selectOption("CIRCULAR_TRADE");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).first().click();
            Locator alerts = page.getByTestId("alert-table");
            assertThat(alerts.locator("tbody tr")).hasCount(1);
            assertThat(alerts).containsText("Circular trade");
            assertThat(alerts.locator("tbody tr").first()).containsText("Open");
            ConsoleBrowser.screenshot(page, "operator-alerts");
            alerts.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Open case: Circular trade on " + circle.assetId())).click();

            // The case: its evidence (both trades at their verified prices, both accounts, no links) and history.
            assertThat(page.locator("#page-title")).hasText("Case: Circular trade");
            assertThat(card(page, "case-summary").locator("[data-status]").first()).hasText("Open");
            Locator trades = card(page, "case-trades");
            assertThat(trades.locator("tbody tr")).hasCount(2);
            assertThat(trades.locator("tbody tr").nth(0)).containsText("¥100.00");
            assertThat(trades.locator("tbody tr").nth(1)).containsText("¥110.00");
            assertThat(trades.locator("tbody tr").nth(0).locator("[title='" + circle.a().accountId() + "']")).isVisible();
            assertThat(trades.locator("tbody tr").nth(0).locator("[title='" + circle.b().accountId() + "']")).isVisible();
            Locator accounts = card(page, "case-accounts");
            assertThat(accounts.locator("[title='" + circle.a().accountId() + "']")).containsText("acc_");
            assertThat(accounts.locator("[title='" + circle.b().accountId() + "']")).isVisible();
            assertThat(accounts).containsText("sold 1, bought 1");
            assertThat(card(page, "case-links")).containsText("None of these accounts shares");
            Locator history = card(page, "case-history");
            assertThat(history.locator("li")).hasCount(2);
            assertThat(history.locator("li").nth(1)).containsText("Halt the asset");
            assertThat(history.locator("li").nth(1)).containsText("by system");
            page.evaluate("window.scrollTo(0, 0)");
            ConsoleBrowser.screenshot(page, "operator-case");

            // A reason is required before anything is sent.
            Locator actions = card(page, "case-actions");
            button(actions, "Halt the asset").click();
            assertThat(actions.getByRole(AriaRole.ALERT)).hasText("A reason is required.");

            // Halt the asset (the one asset of the case is the target), then escalate to the regulator.
            label(actions, "Target").selectOption(circle.assetId());
            label(actions, "Reason").fill(reason);
            button(actions, "Halt the asset").click();
            assertThat(card(page, "case-summary").locator("[data-status]").first()).hasText("Actioned");
            assertThat(history.locator("li")).hasCount(3);
            assertThat(history.locator("li").nth(2)).containsText(reason);
            assertThat(history.locator("li").nth(2)).containsText("Open → Actioned");

            label(actions, "Action").selectOption("ESCALATE");
            label(actions, "Reason").fill("For the regulator: " + reason);
            button(actions, "Escalate to the regulator").click();
            assertThat(card(page, "case-summary").locator("[data-status]").first()).hasText("Escalated");
            assertThat(history.locator("li")).hasCount(4);
            assertThat(history.locator("li").nth(3)).containsText("Actioned → Escalated");

            // The same case in Chinese.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
            assertThat(page.locator("#page-title")).hasText("案件：循环交易");
            assertThat(card(page, "case-summary").locator("[data-status]").first()).hasText("已上报");
            noToasts(page);
            page.evaluate("window.scrollTo(0, 0)");
            ConsoleBrowser.screenshot(page, "operator-case-zh");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("EN")).click();

            // Olivia's halt is in force on the halts page.
            ConsoleBrowser.open(page, "/ops/halts");
            assertThat(page.locator("#page-title")).hasText("Halts and freezes");
            assertThat(page.getByTestId("halt-table").locator("tr", new Locator.LocatorOptions().setHasText(reason)))
                    .hasCount(1);
            ConsoleBrowser.screenshot(page, "operator-halts");
        }

        // The state changed in the service, and each action is in the audit log.
        String token = E2eFixtures.tokenFor("olivia");
        given().auth().oauth2(token).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("history.action", contains("ALERT", "HALT_ASSET", "HALT_ASSET", "ESCALATE"))
                .body("history[2].note", equalTo(reason))
                .body("history[2].target", equalTo(circle.assetId()))
                .body("history[3].to", equalTo("ESCALATED"));
        String olivia = fixtures.accountOf("olivia");
        for (String action : new String[] {"RISK_CASE_HALT_ASSET", "RISK_CASE_ESCALATE"}) {
            given().auth().oauth2(token).queryParam("subjectId", caseId).queryParam("action", action)
                    .get("/api/v1/audit/events").then().statusCode(200)
                    .body("events", hasSize(1)).body("events[0].actor", equalTo(olivia));
        }

        // On a phone the alerts page has no horizontal scrolling.
        try (BrowserContext phone = ConsoleBrowser.phoneContext("en-US")) {
            Page page = ConsoleBrowser.login(phone, "olivia");
            ConsoleBrowser.open(page, "/ops/alerts?asset=" + circle.assetId());
            assertThat(page.getByTestId("alert-table")).containsText("Circular trade");
            Number width = (Number) page.evaluate("document.documentElement.scrollWidth");
            assertTrue(width.intValue() <= 390, "the alerts page is " + width + " px wide on a 390 px phone");
            ConsoleBrowser.screenshot(page, "operator-alerts-phone");
        }
    }

    @Test
    void oliviaApprovesAPendingKycFromTheQueue() {
        String subject = KycFixtures.newSubject("e2e-operator-kyc");
        KycView submitted = fixtures.kyc().submit(subject, KycFixtures.individual("王小明"));
        String account = fixtures.kyc().accountOf(subject);

        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "olivia");
            ConsoleBrowser.open(page, "/ops/kyc");
            assertThat(page.locator("#page-title")).hasText("KYC review queue");
            page.getByTestId("kyc-queue").waitFor();
            ConsoleBrowser.screenshot(page, "operator-kyc-queue");

            page.getByLabel("Find", new Page.GetByLabelOptions().setExact(true)).fill(account);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            Locator rows = page.getByTestId("kyc-queue").locator("tbody tr");
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).containsText("王");
            assertThat(rows.first().locator("[data-status]")).hasText("Submitted");
            rows.first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Review"))).click();

            // Opening it takes it into review; the data is masked.
            assertThat(page.locator("#page-title")).hasText("KYC review");
            Locator submission = page.getByTestId("kyc-submission");
            assertThat(submission.locator("[data-status]")).hasText("In review");
            assertThat(page.getByText("No watch-list hits.")).isVisible();
            Locator decision = page.getByTestId("kyc-decision");
            label(decision, "Tier").selectOption("TIER_2");
            label(decision, "Reason").fill("Documents checked against the register");
            button(decision, "Approve").click();
            assertThat(submission.locator("[data-status]")).hasText("Approved");
            assertThat(page.getByTestId("kyc-decision")).containsText("Tier 2");
        }

        given().auth().oauth2(E2eFixtures.tokenFor("olivia")).get("/api/v1/kyc/" + submitted.id()).then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("tier", equalTo("TIER_2"))
                .body("accountId", equalTo(account));
    }

    @Test
    void oliviaRejectsANearDuplicateRegistrationAndReconcilesTheBooks() {
        String u = E2eFixtures.unique();
        byte[] original = ConsoleTestImages.freshPng();
        Work registered = registrations.registered("e2e-operator-painter-" + u, original, "Harbour lights " + u,
                "IMAGE", null, "image/png");
        RegistrationReview held = registrations.held("e2e-operator-copier-" + u,
                ConsoleTestImages.resizedJpeg(original, 320), "Harbour lights (copy) " + u, "IMAGE", "image/jpeg");

        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "olivia");
            ConsoleBrowser.open(page, "/ops/registrations");
            assertThat(page.locator("#page-title")).hasText("Registration reviews");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Review “Harbour lights (copy) " + u + "”")).click();

            // The upload next to the registered original it resembles, with its thumbnail and distance.
            assertThat(page.locator("#page-title")).hasText("Review: Harbour lights (copy) " + u);
            assertThat(page.getByAltText("The uploaded image of “Harbour lights (copy) " + u + "”")).isVisible();
            Locator similar = page.getByTestId("similar-works");
            assertThat(similar).containsText("Harbour lights " + u);
            assertThat(similar).containsText(Pattern.compile("\\d+ bits apart"));
            Locator thumb = similar.locator("img.thumb");
            assertThat(thumb).hasAttribute("alt", "Thumbnail of “Harbour lights " + u + "”");
            page.waitForFunction("() => [...document.querySelectorAll('[data-testid=similar-works] img.thumb')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)");
            ConsoleBrowser.screenshot(page, "operator-registration-review");

            Locator decision = page.getByTestId("registration-decision");
            button(decision, "Reject").click();
            assertThat(decision.getByRole(AriaRole.ALERT)).hasText("A reason is required.");
            label(decision, "Reason").fill("A resized copy of " + registered.id());
            button(decision, "Reject").click();
            assertThat(page.getByTestId("registration-upload").locator("[data-status]")).hasText("Rejected");

            // Board policy and risk thresholds as the service has them.
            ConsoleBrowser.open(page, "/ops/policy");
            int fee = given().auth().oauth2(E2eFixtures.tokenFor("olivia")).get("/api/v1/board/policy").then()
                    .statusCode(200).extract().path("feeBps");
            assertThat(page.getByLabel("Exchange fee (bp)", new Page.GetByLabelOptions().setExact(true))).hasValue(String.valueOf(fee));
            assertThat(label(page.getByTestId("risk-settings"), "Most trades in the window")).not().isEmpty();
            ConsoleBrowser.screenshot(page, "operator-policy");

            // A reconciliation run from the page shows what the service found. Alone the books and the chain agree;
            // in the full suite other tests leave chain-only trades and planted differences behind, so the page is
            // checked against the report the API holds for this very run rather than against "clean".
            ConsoleBrowser.open(page, "/ops/reconciliation");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run a reconciliation now")).click();
            // A run reads the whole database and chain: in the full suite, on a busy machine, that takes seconds.
            var toast = page.locator(".toast").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Reconciliation finished:")).first();
            assertThat(toast).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                    .setTimeout(120_000));
            String finished = toast.textContent();
            var report = given().auth().oauth2(E2eFixtures.tokenFor("olivia")).get("/api/v1/audit/reconciliation")
                    .then().statusCode(200).body("trigger", equalTo("ON_DEMAND"))
                    .body("requestedBy", equalTo(fixtures.accountOf("olivia"))).extract().jsonPath();
            if (report.getBoolean("clean")) {
                assertEquals("Reconciliation finished: clean.", finished);
                assertThat(page.getByTestId("reconciliation-clean")).containsText("the books and the chain agree");
                assertThat(page.getByTestId("reconciliation-report").locator("[data-status]").first()).hasText("Clean");
            } else {
                int count = report.getInt("differenceCount");
                assertEquals("Reconciliation finished: " + count + " differences.", finished);
                assertThat(page.getByText(count + " differences between the books and the chain.")).isVisible();
                assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Differences"))
                        .locator("tbody tr")).hasCount(report.getList("differences").size());
            }
            assertThat(page.getByTestId("reconciliation-runs").locator("tbody tr").first()).containsText("On demand");
            noToasts(page);
            ConsoleBrowser.screenshot(page, "operator-reconciliation");
        }

        given().auth().oauth2(E2eFixtures.tokenFor("olivia")).get("/api/v1/registrations/reviews/" + held.id())
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("reason", equalTo("A resized copy of " + registered.id()));
    }
}
