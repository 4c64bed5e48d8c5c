package io.funnel.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.HeadlessChromium;
import io.funnel.local.TopicProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver), signed in the way a member opens
 * it: with the bearer token in the link's fragment.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL dashboard;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open();
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() {
        // Null when the test was skipped for want of Chromium.
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void loadsWithoutConsoleErrorsAndShowsANewLeadWithinSeconds() throws IOException {
        browser.get(dashboard + "#token=" + DevIssuer.token(Roles.REVENUE_OPS));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(browser.findElement(By.tagName("body")).getAttribute("data-loaded")).isEqualTo("true");
            assertThat(browser.findElement(By.id("live")).getAttribute("data-state")).isEqualTo("live");
        });
        assertThat(browser.findElements(By.cssSelector("#funnel-table tbody tr"))).hasSize(6);
        assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");
        long leadsBefore = leadsEntered();

        UUID lead = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            probe.publish(new LeadCaptured(lead, Scenario.PROFILE, null, null, null, Instant.now()),
                    UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(browser.findElements(By.cssSelector("#events li[data-subject='" + lead + "']"))).hasSize(1);
            assertThat(leadsEntered()).isEqualTo(leadsBefore + 1);
        });

        // Every model can be chosen; linear to begin with. A refused model would be a failed request on the console.
        Select model = new Select(browser.findElement(By.id("attribution-model")));
        assertThat(model.getOptions()).extracting(WebElement::getText).containsExactly("first_touch", "last_touch",
                "linear", "u_shaped", "w_shaped", "time_decay");
        assertThat(model.getFirstSelectedOption().getText()).isEqualTo("linear");
        model.selectByVisibleText("time_decay");

        // 100,000 at 20,000 a deal: 5 customers, whatever the measured rates above them.
        browser.findElement(By.name("revenueTarget")).sendKeys("100000");
        browser.findElement(By.name("averageDealSize")).sendKeys("20000");
        browser.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(browser.findElements(By.cssSelector("#plan-table tbody tr"))).hasSize(6);
            assertThat(cell("#plan-table", "CUSTOMER", 2)).isEqualTo("5");
            assertThat(browser.findElement(By.id("plan-summary")).getText()).contains("gap");
        });

        // For the README: target/dashboard.png.
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "dashboard.png"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(chromium.consoleErrors()).as("console errors").isEmpty();
    }

    @Test
    void withoutATokenTheSignInBoxShowsAndNoFiguresLoadUntilOneIsPasted() {
        browser.get(dashboard.toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("live")).getAttribute("data-state")).isEqualTo("signed-out");
        assertThat(browser.findElements(By.cssSelector("#funnel-table tbody tr"))).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-loaded")).isNull();
        assertThat(chromium.consoleErrors()).as("no request was even tried").isEmpty();

        browser.findElement(By.name("token")).sendKeys(DevIssuer.token(Roles.MARKETING));
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(browser.findElement(By.tagName("body")).getAttribute("data-loaded")).isEqualTo("true");
            assertThat(browser.findElement(By.id("live")).getAttribute("data-state")).isEqualTo("live");
        });
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#funnel-table tbody tr"))).hasSize(6);
    }

    @Test
    void aRefusedTokenAsksForANewOne() {
        String expired = DevIssuer.token(DevIssuer.USERS.get(Roles.SALES), List.of(Roles.SALES), Duration.ofHours(-1));
        browser.get(dashboard + "#token=" + expired);
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        assertThat(browser.findElement(By.id("sign-in-message")).getText()).contains("refused");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(browser.executeScript("return sessionStorage.getItem('funnel.token')")).isNull();
    }

    private long leadsEntered() {
        return Long.parseLong(cell("#funnel-table", "LEAD", 2));
    }

    /**
     * The text of a column (1-based) in the row of a dashboard table whose first cell is {@code key}, read in one go
     * as live updates redraw the tables.
     */
    private String cell(String table, String key, int column) {
        return (String) browser.executeScript("return document.querySelector(arguments[0]).textContent",
                table + " tr[data-key='" + key + "'] td:nth-child(" + column + ")");
    }
}
