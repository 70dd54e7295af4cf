package io.dcx.service.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page in every role's menu, in both languages, checked by axe-core (WCAG 2.1 A and AA rules) in the real
 * browser: no serious or critical violation may remain (missing labels, contrast, duplicate ids, bad ARIA...). The
 * pages are found from the menu itself, so a new page is checked as soon as it is in the menu.
 */
@QuarkusTest
@TestProfile(ConsoleE2eProfile.class)
class AccessibilityE2eTest {
    private static final Path AXE = Path.of("..", "console", "node_modules", "axe-core", "axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alice", "bob", "olivia", "rita"})
    void everyMenuPageOfTheRoleHasNoSeriousAccessibilityViolation(String user) throws IOException {
        // rule and element -> the pages where it occurs (one line per problem, not one per page)
        java.util.Map<String, List<String>> violations = new java.util.TreeMap<>();
        // axe is injected as a script; the console's Content-Security-Policy would (rightly) refuse that.
        try (BrowserContext context = ConsoleBrowser.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1360, 900).setLocale("en-US").setBypassCSP(true))) {
            context.setDefaultTimeout(20_000);
            Page page = ConsoleBrowser.login(context, user);
            Set<String> paths = new LinkedHashSet<>();
            for (Object href : (List<?>) page.locator("#nav a").evaluateAll("links => links.map(a => a.getAttribute('href'))")) {
                paths.add(String.valueOf(href));
            }
            assertTrue(paths.size() >= 2, "menu of " + user + ": " + paths);
            for (String lang : List.of("en", "zh")) {
                page.evaluate("lang => localStorage.setItem('dcx.lang', lang)", lang);
                for (String path : paths) {
                    ConsoleBrowser.open(page, path);
                    page.waitForLoadState();
                    page.locator(".loading").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                            .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
                    for (String v : axe(page)) {
                        violations.computeIfAbsent(v, k -> new ArrayList<>()).add(lang + " " + path);
                    }
                }
            }
        }
        assertEquals(java.util.Map.of(), violations, "serious or critical accessibility violations (on pages)");
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndItMovesFocusToTheContent() {
        try (BrowserContext context = ConsoleBrowser.context("en-US")) {
            Page page = ConsoleBrowser.login(context, "bob");
            page.keyboard().press("Tab");
            var skip = page.locator("a.skip");
            assertThat(skip).isFocused();
            assertThat(skip).isVisible();
            page.keyboard().press("Enter");
            assertEquals("main", page.evaluate("() => document.activeElement.id"));
        }
    }

    private static List<String> axe(Page page) throws IOException {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(AXE)));
        String result = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, "
                + "{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations)");
        List<String> found = new ArrayList<>();
        for (JsonNode v : JSON.readTree(result)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                found.add(v.path("id").asText() + " (" + impact + ") " + v.path("help").asText()
                        + " at " + targets.subList(0, Math.min(3, targets.size())));
            }
        }
        return found;
    }
}
