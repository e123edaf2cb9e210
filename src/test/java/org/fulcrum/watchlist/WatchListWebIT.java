package org.fulcrum.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Watch list view in headless Chromium: a list for two countries (a table row each), then two
 * years side by side (a chart line per country). Skipped without /usr/bin/chromium and
 * /usr/bin/chromedriver, as WebUiIT is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WatchListWebIT {

  static WebDriver browser;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(TestStores.newDataDir("watch-list-web")));
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = org.fulcrum.web.HeadlessChromium.start(Map.of());
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(240));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Test
  void listsTwoCountriesThenChartsTwoYears() {
    browser.get("http://127.0.0.1:" + port + "/");
    waiting().until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TestStores.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(d -> d.findElement(By.id("tab-watchlist")).isDisplayed());
    browser.findElement(By.id("tab-watchlist")).click();
    waiting().until(d -> d.findElement(By.id("view-watchlist")).isDisplayed());

    WebElement countries = browser.findElement(By.id("wl-countries"));
    countries.sendKeys("SYR,MMR");
    browser.findElement(By.id("wl-run")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#wl-table tr[data-country]")).size() == 2);
    List<String> rows = browser.findElements(By.cssSelector("#wl-table tr[data-country]")).stream()
        .map(r -> r.getAttribute("data-country")).toList();
    assertThat(rows).containsExactlyInAnyOrder("SYR", "MMR");
    assertThat(browser.findElement(By.id("wl-result")).getText()).contains("ranks 1 (priority");
    screenshot("09-watch-list");

    browser.findElement(By.id("wl-years")).sendKeys("2014-2015");
    browser.findElement(By.id("wl-run")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#wl-chart polyline")).size() == 2);
    assertThat(browser.findElements(By.cssSelector("#wl-history tr[data-country]"))).hasSize(2);
    assertThat(browser.findElement(By.id("wl-history")).getText()).contains("2014").contains("2015");
    screenshot("10-watch-list-years");
  }

  /** Saves the page as the person sees it, beside WebUiIT's screenshots. */
  private static void screenshot(String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(name + ".png"),
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
