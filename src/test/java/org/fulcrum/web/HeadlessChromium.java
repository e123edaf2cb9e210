package org.fulcrum.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver: the browser every web test uses. On
 * CI both must be installed ({@code .ci/run} installs them); elsewhere a test without them is
 * skipped.
 */
public final class HeadlessChromium {

  private HeadlessChromium() {}

  /** Starts a browser at 1400 x 1000, with the given Chromium preferences (downloads, say). */
  public static WebDriver start(Map<String, Object> prefs) throws Exception {
    File chromium = new File("/usr/bin/chromium");
    File chromedriver = new File("/usr/bin/chromedriver");
    boolean present = chromium.canExecute() && chromedriver.canExecute();
    if (System.getenv("CI") != null) {
      assertThat(present).as("CI must install Debian's chromium and chromium-driver (.ci/run does)").isTrue();
    }
    Assumptions.assumeTrue(present, "no /usr/bin/chromium and /usr/bin/chromedriver: apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
        "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("fulcrum-chromium"));
    if (!prefs.isEmpty()) {
      options.setExperimentalOption("prefs", prefs);
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
