package io.dcx.service.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium (/usr/bin/chromium, or DCX_CHROMIUM), driven by Playwright, started once per test JVM. Playwright
 * never downloads a browser here. Each test opens its own context: its own cookies, so its own Keycloak session.
 * Without chromium the browser tests are skipped, except under CI=true, where that is a failure
 * ({@code ./dcx test} installs the chromium package).
 */
public final class ConsoleBrowser {
    /** Where screenshots go for review: the service's build output. */
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    public static final String BASE_URL = "http://127.0.0.1:" + ConsoleE2eProfile.PORT;
    public static final String DEMO_PASSWORD = "dcx-demo";

    private static Playwright playwright;
    private static Browser browser;

    private ConsoleBrowser() {
    }

    static synchronized Browser browser() {
        if (browser == null) {
            Path chromium = Path.of(System.getenv().getOrDefault("DCX_CHROMIUM", "/usr/bin/chromium"));
            if (!Files.isExecutable(chromium)) {
                String why = chromium + " is missing: apt-get install chromium (./dcx test installs it)";
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException(why);
                }
                Assumptions.abort(why);
            }
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    // The machine's network is closed: without these chromium keeps trying Google's services.
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** A fresh browser context (laptop-sized, English unless {@code locale} says otherwise). */
    public static BrowserContext context(String locale) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1360, 900)
                .setLocale(locale)
                .setTimezoneId("Asia/Shanghai")
                .setAcceptDownloads(true));
        context.setDefaultTimeout(20_000);
        return context;
    }

    /** A phone-sized context, for the responsive screenshots. */
    public static BrowserContext phoneContext(String locale) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale(locale)
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(20_000);
        return context;
    }

    /**
     * Logs in through the real Keycloak login page: the console's "Log in" sends the browser to Keycloak
     * (authorization code with PKCE), the user types the demo password, Keycloak sends the browser back with a code
     * and the console shows the user's name.
     */
    public static Page login(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(BASE_URL + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^(Log in|登录)$")))
                .first().click();
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(DEMO_PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile("^" + Pattern.quote(BASE_URL) + "/.*"));
        page.getByTestId("user-name").waitFor();
        return page;
    }

    /** Opens a console path in a logged-in page and waits for its heading. */
    public static void open(Page page, String path) {
        page.navigate(BASE_URL + path);
        page.locator("#page-title").waitFor();
    }

    /** Saves a full-page screenshot as target/console-screenshots/{name}.png. */
    public static Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
