package org.netsecweek.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.reporting.ReportingIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff console's progress page in Debian's Chromium, served by reporting-service itself (/progress.html forwards
 * to it): sign in, see the allocation table and the daily trend drawn without any external script, and after the
 * deadline the frozen report with its hash. Needs the packages {@code chromium} and
 * {@code chromium-driver}.
 */
@ReportingIntegrationTest
class ProgressPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String PASSWORD = "进度-Page-2022";

	@DynamicPropertySource
	static void accounts(DynamicPropertyRegistry registry) {
		String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
		registry.add("netsec.admin.accounts[0].username", () -> "province");
		registry.add("netsec.admin.accounts[0].password-hash", () -> hash);
		registry.add("netsec.admin.accounts[0].role", () -> "PROVINCE_ADMIN");
		registry.add("netsec.admin.accounts[1].username", () -> "jixi-admin");
		registry.add("netsec.admin.accounts[1].password-hash", () -> hash);
		registry.add("netsec.admin.accounts[1].role", () -> "UNION_ADMIN");
		registry.add("netsec.admin.accounts[1].union-id", () -> "jixi");
	}

	@LocalServerPort
	int port;

	@Autowired
	Campaigns campaigns;

	@Autowired
	FreezeAtDeadline freezeAtDeadline;

	@Autowired
	Reports reports;

	@Autowired
	@Qualifier("countAnswers")
	Consumer<List<AnswerSubmitted>> countAnswers;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The browser tests need Debian's Chromium and its driver: "
					+ "apt-get install -y chromium chromium-driver");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chrome"));
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", 1024, "height", 900, "pixelRatio", 1.0)));
		browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aProvinceAdminSeesTheTableAndTheDailyTrend() {
		CampaignDefinition demo = campaigns.active();
		countAnswers.accept(List.of(answer(demo, "harbin", "harbin-0001", demo.startsOn()),
				answer(demo, "harbin", "harbin-0002", demo.startsOn()),
				answer(demo, "harbin", "harbin-0001", demo.startsOn().plusDays(1))));

		signIn("province");

		wait.until(d -> d.findElements(By.cssSelector("#table tbody tr")).size() == 15);
		List<WebElement> harbin = browser.findElements(By.cssSelector("#table tbody tr[data-union=harbin] td"));
		assertThat(harbin.get(1).getText()).isEqualTo("哈尔滨市");
		assertThat(harbin.get(2).getText()).isEqualTo("6");
		assertThat(harbin.get(3).getText()).isEqualTo("2");
		assertThat(harbin.get(4).getText()).isEqualTo("33.33%");
		assertThat(harbin.get(6).getText()).isEqualTo("3");
		assertThat(harbin.get(7).getText()).isEqualTo("0.21%");
		List<WebElement> total = browser.findElements(By.cssSelector("#table tbody tr.total td"));
		assertThat(total.get(1).getText()).isEqualTo("合计");
		assertThat(total.get(5).getText()).isEqualTo("10000");
		List<WebElement> bars = browser.findElements(By.cssSelector("#trend rect.bar"));
		assertThat(bars).hasSize(7);
		assertThat(bars.get(0).getAttribute("data-workers")).isEqualTo("2");
		assertThat(bars.get(1).getAttribute("data-workers")).isEqualTo("1");
		assertThat(Double.parseDouble(bars.get(0).getAttribute("height")))
			.isGreaterThan(Double.parseDouble(bars.get(1).getAttribute("height")));
		assertThat(browser.findElements(By.cssSelector("#trend polyline.organisations"))).hasSize(1);
		assertThat(browser.findElement(By.id("status")).getText()).startsWith("实时数据");
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("undefined", "NaN");
	}

	@Test
	void aUnionAdminSeesTheirOwnRowAndAWrongPasswordIsSaidInChinese() {
		browser.get("http://localhost:" + port + "/progress.html");
		wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
		browser.findElement(By.id("username")).sendKeys("jixi-admin");
		browser.findElement(By.id("password")).sendKeys("wrong");
		browser.findElement(By.id("sign-in-button")).click();
		wait.until(d -> d.findElement(By.id("message")).isDisplayed());
		assertThat(browser.findElement(By.id("message")).getText()).contains("用户名或密码错误");

		signIn("jixi-admin");

		wait.until(d -> d.findElements(By.cssSelector("#table tbody tr")).size() == 2);
		assertThat(browser.findElement(By.cssSelector("#table tbody tr[data-union=jixi] td.name")).getText())
			.isEqualTo("鸡西市");
	}

	@Test
	void afterTheDeadlineTheConsoleShowsTheFrozenReportItsHashAndItsVerification() throws IOException {
		freezeAtDeadline.check().block(); // hlj-2022's deadline is long past: what the scheduler does every minute
		String sha256 = reports.snapshot("hlj-2022").block().sha256();

		signIn("province");
		browser.get("http://localhost:" + port + "/console.html#progress?campaign=hlj-2022");

		wait.until(d -> d.findElement(By.id("frozen")).isDisplayed());
		assertThat(browser.findElement(By.id("frozen-status")).getText()).startsWith("报表已封存");
		assertThat(browser.findElement(By.id("frozen-hash")).getText()).isEqualTo(sha256);
		assertThat(browser.findElement(By.id("progress-title")).getText()).startsWith("2022年黑龙江省");
		assertThat(browser.findElement(By.id("freeze")).isDisplayed()).as("already frozen").isFalse();
		browser.findElement(By.id("verify-report")).click();
		wait.until(d -> d.findElement(By.id("verify-result")).getText().startsWith("核验通过"));
		Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(screenshots.resolve("console-frozen-report.png"),
				((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
	}

	private void signIn(String username) {
		browser.get("http://localhost:" + port + "/progress.html");
		wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).clear();
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("sign-in-button")).click();
		wait.until(d -> d.findElement(By.id("progress")).isDisplayed());
	}

	private static AnswerSubmitted answer(CampaignDefinition campaign, String union, String org,
			java.time.LocalDate day) {
		return new AnswerSubmitted(UUID.randomUUID(), Instant.now(), campaign.id(), 1, UUID.randomUUID(),
				UUID.randomUUID(), union, org, day, List.of(), 6, 10, 50_000);
	}
}
