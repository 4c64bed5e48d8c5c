package io.funnel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import io.funnel.local.HeadlessChromium;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A real headless Chromium fills in the example form page; the lead shows up in the shared funnel, and on the
 * dashboard open in another window of the same browser.
 */
class BrowserFormIT {

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        chromium = HeadlessChromium.open();
        browser = chromium.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void exampleFormSubmittedInABrowserReachesTheFunnelAndTheLiveDashboard() {
        FunnelStack stack = SystemStack.get();
        String capture = stack.url(FunnelService.CAPTURE);
        String reporting = stack.url(FunnelService.REPORTING);
        String formId = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.as("marketing").postJson(capture + "/api/forms", """
                {"id":"%s","name":"Download the BIM guide","allowedOrigins":["%s"],
                 "thankYouUrl":"%s/q/health/live","honeypotField":"website","consentText":"Send me the guide"}"""
                .formatted(formId, capture, capture)).status()).isEqualTo(201);
        List<Long> before = WalkingSkeletonIT.entered();
        String email = "browser." + UUID.randomUUID() + "@obras.example";

        browser.get(capture + "/forms/" + formId + "/example");
        String form = browser.getWindowHandle();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !browser.findElements(By.cssSelector("#lead-form input[name=visitorId]")).isEmpty());

        // The dashboard watches in a window of its own, live through server-sent events.
        browser.switchTo().newWindow(WindowType.WINDOW).get(reporting + "/#token=" + DevIssuer.token("revenue-ops"));
        String dashboard = browser.getWindowHandle();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded"))
                        && "live".equals(browser.findElement(By.id("live")).getAttribute("data-state")));
        long leadsBefore = leadsOnDashboard();

        browser.switchTo().window(form);
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("company")).sendKeys("Obras SA");
        browser.findElement(By.name("consent")).click();
        browser.findElement(By.cssSelector("#lead-form button[type=submit]")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/q/health/live"));
        Http.Reply found = Http.as("marketing").get(capture + "/api/leads?email=" + email);
        assertThat(found.body()).hasSize(1);
        assertThat(found.body().get(0).get("visitorId").asText()).startsWith("v-");
        assertThat(found.body().get(0).get("consent").get("marketing").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Long> now = WalkingSkeletonIT.entered();
            assertThat(now.get(0)).as("visitors").isEqualTo(before.get(0) + 1);
            assertThat(now.get(1)).as("leads").isEqualTo(before.get(1) + 1);
        });

        browser.switchTo().window(dashboard);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(leadsOnDashboard()).as("leads on the dashboard").isEqualTo(leadsBefore + 1));
        assertThat(chromium.consoleErrors()).as("console errors of the dashboard")
                .filteredOn(e -> e.getMessage().contains(reporting)).isEmpty();
    }

    /** The LEAD row's "entered" cell of the dashboard's funnel table, read in one go as live updates redraw it. */
    private static long leadsOnDashboard() {
        return Long.parseLong((String) browser.executeScript("return document.querySelector(arguments[0]).textContent",
                "#funnel-table tr[data-key='LEAD'] td:nth-child(2)"));
    }
}
