package org.netsecweek.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, for the browser tests: a phone or tablet (device metrics) or a laptop (window size).
 * Needs the packages {@code chromium} and {@code chromium-driver} (.ci/run installs them).
 */
final class Chromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/** A touch device with exactly this viewport. */
	static WebDriver device(int width, int height) {
		ChromeOptions options = options();
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
		return start(options);
	}

	/** A desktop browser window of this size. */
	static WebDriver window(int width, int height) {
		ChromeOptions options = options();
		options.addArguments("--window-size=" + width + "," + height);
		return start(options);
	}

	/** Saved under target/screenshots, a build artifact for a person to look at. */
	static void screenshot(WebDriver browser, String name) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(directory.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ChromeOptions options() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The browser tests need Debian's Chromium and its driver: "
					+ "apt-get install -y chromium chromium-driver (.ci/run does it)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		try {
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--lang=zh-CN",
					"--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chrome"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return options;
	}

	private static WebDriver start(ChromeOptions options) {
		return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
				options);
	}
}
