package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through its chromedriver, with a profile of its own. */
final class Chromium {

  private Chromium() {}

  static WebDriver open() {
    return open(null);
  }

  /**
   * A browser whose every request, to loopback too, goes through the proxy at {@code proxy} (none
   * when null).
   */
  static WebDriver open(String proxy) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.setAcceptInsecureCerts(true);
    // The page's console, for a test to print when the page does not do what it should.
    org.openqa.selenium.logging.LoggingPreferences logs =
        new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    try {
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1280,1024",
          "--user-data-dir="
              + Files.createTempDirectory(Path.of("target"), "chromium-").toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (proxy != null) {
      options.addArguments("--proxy-server=" + proxy, "--proxy-bypass-list=<-loopback>");
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
