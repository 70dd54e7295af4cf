package io.dcx.service.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every demo user logs in through Keycloak's page, and the menu offers what that user's role allows, no more. */
@QuarkusTest
@TestProfile(ConsoleE2eProfile.class)
class LoginE2eTest {

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "alice, Creator, Register a work, KYC review queue",
            "dave, Creator, My works, Audit log",
            "bob, Trader, Board, Register a work",
            "carol, Trader, My trades, Alerts and cases",
            "olivia, Operator, KYC review queue, Register a work",
            "rita, Regulator, Provenance, KYC review queue",
            "adam, Administrator, Overview, Register a work"})
    void eachDemoUserLogsInAndSeesTheMenuOfTheirRole(String user, String role, String shown, String hidden) {
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, user);
            assertThat(page.locator(".who-roles")).hasText(role);
            var nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
            assertThat(nav.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(shown).setExact(true))).isVisible();
            assertEquals(0, nav.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(hidden).setExact(true)).count(), hidden + " is not for " + user);
            ConsoleBrowser.screenshot(page, "home-" + user);
        }
    }

    @Test
    void theLanguageSwitchTurnsTheConsoleChineseAndRemembersIt() {
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "alice");
            assertThat(page.locator("#page-title")).hasText("Welcome, Alice Chen");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
            assertThat(page.locator("#page-title")).hasText("欢迎，Alice Chen");
            assertEquals("zh-CN", page.locator("html").getAttribute("lang"));
            page.reload();
            page.getByTestId("user-name").waitFor();
            assertThat(page.locator("#page-title")).hasText("欢迎，Alice Chen");
            ConsoleBrowser.screenshot(page, "home-alice-zh");
        }
    }

    @Test
    void aDeepLinkSurvivesAReloadAndAnUnknownPathSaysSo() {
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "bob");
            page.navigate(ConsoleBrowser.BASE_URL + "/no/such/page");
            page.getByTestId("user-name").waitFor();
            assertThat(page.locator("#page-title")).hasText("Page not found");
            // The service still answers API paths with problem+json, not with the console.
            var api = page.request().get(ConsoleBrowser.BASE_URL + "/api/v1/no-such-thing");
            assertEquals(404, api.status());
            assertTrue(api.headers().get("content-type").startsWith("application/problem+json"));
        }
    }

    @Test
    void onAPhoneTheMenuFoldsAwayBehindAButton() {
        try (BrowserContext context = ConsoleBrowser.phoneContext("en-US")) {
            Page page = ConsoleBrowser.login(context, "olivia");
            var nav = page.locator("#nav");
            assertThat(nav).isHidden();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
            assertThat(nav).isVisible();
            ConsoleBrowser.screenshot(page, "phone-menu-olivia");
            List<String> links = nav.getByRole(AriaRole.LINK).allInnerTexts();
            assertTrue(links.stream().anyMatch(Pattern.compile("KYC").asPredicate()), links.toString());
        }
    }
}
