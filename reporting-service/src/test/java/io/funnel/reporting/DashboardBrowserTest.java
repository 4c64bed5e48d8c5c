package io.funnel.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.HeadlessChromium;
import io.funnel.local.TopicProbe;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard in a real headless Chromium (Debian's chromium and chromium-driver). */
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
        chromium.close();
    }

    @Test
    void loadsWithoutConsoleErrorsAndShowsANewLeadWithinSeconds() throws IOException {
        browser.get(dashboard.toString());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(browser.findElement(By.tagName("body")).getAttribute("data-loaded")).isEqualTo("true");
            assertThat(browser.findElement(By.id("live")).getAttribute("data-state")).isEqualTo("live");
        });
        assertThat(browser.findElements(By.cssSelector("#funnel-table tbody tr"))).hasSize(6);

        UUID lead = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            probe.publish(new LeadCaptured(lead, Scenario.PROFILE, null, null, null, Instant.now()),
                    UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(browser.findElements(By.cssSelector("#events li[data-subject='" + lead + "']"))).hasSize(1);
            String leadsEntered = browser.findElement(By.cssSelector("#funnel-table tbody tr:nth-child(2) td.num"))
                    .getText();
            assertThat(Integer.parseInt(leadsEntered)).isPositive();
        });

        // For the README: target/dashboard.png.
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "dashboard.png"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(chromium.consoleErrors()).as("console errors").isEmpty();
    }
}
