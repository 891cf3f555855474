package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.http.MediaType;

/**
 * The staff console (reporting-service's /console.html) in Debian's Chromium against the running suite: a Harbin
 * union admin on a laptop walks progress, offline activities, the organisation import, review and prizes, and cannot
 * open another union's data; a province admin on a tablet sees every union, the question bank and the contact-access
 * record. The console calls quiz, scoring and lottery across origins (CORS, ADR 008). Screenshots in
 * target/screenshots/console-*.png. Runs after the other end-to-end tests, before the deployment checks.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE - 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffConsoleBrowserTests {

	private static final String PURPOSE = "寄送奖品（工作台测试）";

	private static ConsoleWorker worker;

	private WebDriver browser;

	private ConsolePages console;

	@BeforeAll
	static void aWorkerWithAHeldAttempt() throws Exception {
		worker = ConsoleWorker.withHeldAttempt(RunningSuite.suite());
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	@Order(1)
	void aUnionAdminRecordsAnActivityImportsOrganisationsReleasesAHeldAttemptAndMarksAPrizeDelivered()
			throws IOException {
		laptop();
		console.signIn("harbin", RunningSuite.adminPassword());
		assertThat(rows("#table")).as("Harbin and the total").hasSize(2);
		assertThat(console.byId("countdown").getText()).startsWith("距报送截止还有");
		int participantsBefore = offlineParticipants();
		console.meetsTheBasics("progress");
		console.screenshot("console-progress-union-admin.png");

		// an offline activity: every problem beside its field, then saved and counted
		console.open("activities");
		console.waiting().until(d -> new Select(d.findElement(By.id("activity-org"))).getOptions().size() > 2);
		console.byId("activity-save").click();
		console.waitForText("activity-participants-error", "请填写参加人数");
		assertThat(console.text("activity-org-error")).isEqualTo("请选择基层工会组织");
		assertThat(console.text("activity-description-error")).isEqualTo("请填写活动简介");
		assertThat(console.byId("activity-participants").getAttribute("aria-invalid")).isEqualTo("true");
		new Select(console.byId("activity-org")).selectByValue("harbin-0002");
		date(campaign().startsOn().minusDays(1));
		console.byId("activity-form-kind").sendKeys("进车间");
		console.byId("activity-participants").sendKeys("37");
		console.byId("activity-description").sendKeys("车间班前会讲解个人信息保护和防范电信网络诈骗");
		console.byId("activity-save").click();
		console.waitForText("activity-date-error", "活动日期须在");
		console.meetsTheBasics("activity errors");
		console.screenshot("console-activity-field-errors.png");
		date(LocalDate.now(campaign().timeZone()));
		console.byId("activity-save").click();
		console.waitForText("notice", "活动已保存");
		console.waitForText("activity-table", "车间班前会讲解个人信息保护");
		console.open("progress");
		console.waiting().until(d -> offlineParticipants() == participantsBefore + 37);

		// the organisation directory: a file with a bad row is refused with the row named, nothing saved
		console.open("organisations");
		console.byId("org-file").sendKeys(csv("orgs-bad.csv", """
				union_id,org_id,name
				harbin,harbin-console-01,哈尔滨工作台测试一厂工会
				harbin,Bad Id!,哈尔滨工作台测试坏行
				"""));
		console.byId("org-preview").click();
		console.waitForText("message", "未导入任何内容");
		assertThat(console.text("org-result")).contains("第3行（org_id）");
		assertThat(console.byId("org-apply").isDisplayed()).isFalse();
		assertThat(console.text("org-table")).doesNotContain("哈尔滨工作台测试一厂工会");
		console.screenshot("console-organisations-bad-row.png");
		console.byId("org-file").sendKeys(csv("orgs-good.csv", """
				union_id,org_id,name
				harbin,harbin-console-01,哈尔滨工作台测试一厂工会
				harbin,harbin-console-02,哈尔滨工作台测试二厂工会
				"""));
		console.byId("org-preview").click();
		console.waitForText("org-result", "新增 2 个");
		assertThat(console.text("org-table")).doesNotContain("哈尔滨工作台测试一厂工会");
		console.byId("org-apply").click();
		console.waitForText("notice", "已导入");
		console.waitForText("org-table", "哈尔滨工作台测试二厂工会");
		console.meetsTheBasics("organisations");

		// review: release the held attempt, see the points change; an adjustment needs a reason
		console.open("review");
		WebElement held = console.waiting().until(d -> d.findElements(By.xpath(
				"//table[@id='held-table']//tr[contains(., '" + worker.id.toString().substring(0, 8) + "')]"))
			.stream().findFirst().orElse(null));
		assertThat(held.getText()).contains("10分钟内提交3次");
		held.findElement(By.cssSelector("button[aria-label*='" + worker.id + "']")).click();
		console.waitForText("ledger-total", "20");
		held.findElement(By.cssSelector("input")).sendKeys("同一职工补答前两天的试卷，经核实为本人");
		held.findElement(By.xpath(".//button[text()='放行']")).click();
		console.waitForText("notice", "已放行");
		console.waitForText("ledger-total", "30");
		assertThat(console.text("ledger-table")).contains("同一职工补答前两天的试卷");
		console.meetsTheBasics("review");
		console.screenshot("console-review-released.png");
		console.byId("adjust-points").sendKeys("1000");
		console.byId("adjust-button").click();
		console.waitForText("adjust-reason-error", "请填写调整理由");
		console.byId("adjust-reason").sendKeys("线下知识竞赛一等奖奖励积分");
		console.byId("adjust-button").click();
		console.waitForText("ledger-total", "1030");

		// prizes: the pool, the commitment, a winner marked delivered, the contact list with a stated purpose
		String drawId = worker.drawUntilAPrize();
		console.open("prizes");
		assertThat(rows("#pool-table")).hasSize(3);
		assertThat(console.text("seed-commitment")).matches("[0-9a-f]{64}");
		assertThat(console.text("winner-table")).doesNotContain(ConsoleWorker.NAME);
		console.byId("winner-table").findElement(By.cssSelector("button[data-draw='" + drawId + "']")).click();
		console.waitForText("notice", "已标记为已发放");
		console.waiting().until(d -> d.findElements(By.cssSelector("button[data-draw='" + drawId + "']")).isEmpty());
		console.byId("delivery-button").click();
		console.waitForText("message", "请填写查看用途");
		console.byId("delivery-purpose").sendKeys(PURPOSE);
		console.byId("delivery-button").click();
		console.waitForText("delivery-table", ConsoleWorker.PHONE);
		assertThat(console.text("delivery-table")).contains(ConsoleWorker.NAME);
		assertThat(console.text("delivery-note")).contains("已记录");
		assertThat(console.byId("access-button").isDisplayed()).as("the access record is the province's").isFalse();
		console.meetsTheBasics("prizes");
		console.screenshot("console-prizes-delivered.png");
	}

	@Test
	@Order(2)
	void aUnionAdminIsNeitherOfferedNorGivenAnotherUnionsDataOrTheProvincePages() {
		laptop();
		console.signIn("harbin", RunningSuite.adminPassword());
		assertThat(browser.findElement(By.cssSelector("nav a[data-page='questions']")).isDisplayed()).isFalse();
		assertThat(console.byId("union-filter").isDisplayed()).isFalse();
		assertThat(console.byId("frozen").isDisplayed()).isFalse();

		console.visit("questions");
		console.waiting().until(d -> d.findElement(By.id("forbidden")).isDisplayed());
		assertThat(console.byId("questions").isDisplayed()).isFalse();

		for (String page : List.of("progress", "activities", "prizes")) {
			console.visit(page + "?union=qiqihar");
			console.waitForText("message", "本工会");
			assertThat(console.text("message")).as(page).contains("请");
			assertThat(rows("#table")).as("no other union's rows").allMatch(row -> !row.contains("齐齐哈尔"));
		}
		console.screenshot("console-other-union-refused.png");

		// and the services refuse the console's token for another union, whatever the page offers
		assertThat(status("reporting", "/api/admin/activities?unionId=qiqihar")).isEqualTo(403);
		assertThat(status("lottery", "/api/admin/winners?unionId=qiqihar")).isEqualTo(403);
		assertThat(status("quiz", "/api/admin/deliveries?unionId=qiqihar&purpose=x")).isEqualTo(403);
		assertThat(status("quiz", "/api/admin/questions")).isEqualTo(403);
	}

	@Test
	@Order(3)
	void aProvinceAdminOnATabletSeesEveryUnionTheQuestionBankAndWhoSawContactDetails() throws IOException {
		browser = Chromium.device(768, 1024);
		console = new ConsolePages(browser, reporting());
		console.signIn("province", RunningSuite.adminPassword());
		assertThat(rows("#table")).as("14 unions and the total").hasSize(15);
		assertThat(browser.findElement(By.cssSelector("nav a[data-page='questions']")).isDisplayed()).isTrue();
		console.meetsTheBasics("progress (province, tablet)");
		console.screenshot("console-progress-province-tablet.png");
		console.byId("export-xlsx").click();
		console.waitForText("notice", "进度.xlsx");
		assertThat(console.text("notice")).startsWith("已下载");
		assertThat(Integer.parseInt(console.byId("notice").getAttribute("data-bytes"))).isGreaterThan(1000);
		new Select(console.byId("union-filter")).selectByVisibleText("哈尔滨市");
		console.waiting().until(d -> rows("#table").size() == 2);

		console.open("questions");
		console.waiting().until(d -> rows("#question-table").size() > 10);
		assertThat(console.text("question-table")).contains("%（");
		new Select(console.byId("question-category")).selectByValue("PERSONAL_INFORMATION");
		console.waiting().until(d -> rows("#question-table").stream().allMatch(row -> row.contains("个人信息保护")));
		console.byId("question-export-csv").click();
		console.waitForText("notice", "已下载 question-bank-v");
		console.byId("question-file").sendKeys(bankExport());
		console.byId("question-preview").click();
		console.waitForText("question-result", "新增 0，修改 0");
		assertThat(console.text("question-result")).contains("删除 0");
		console.byId("question-apply").click();
		console.waitForText("notice", "已导入");
		console.meetsTheBasics("questions (tablet)");
		console.screenshot("console-questions-province-tablet.png");

		console.open("prizes");
		console.byId("access-button").click();
		console.waitForText("access-table", PURPOSE);
		assertThat(console.text("access-table")).contains("harbin");
		console.meetsTheBasics("prizes (province, tablet)");
		console.screenshot("console-prizes-province-tablet.png");
	}

	@Test
	@Order(4)
	void everyServiceAdmitsTheConsolesOriginAcrossOriginsAndNoOther() {
		for (Service service : List.of(Service.QUIZ, Service.SCORING, Service.LOTTERY)) {
			var client = ApiOperations.client(RunningSuite.suite(), service);
			client.options().uri("/api/admin/winners").header("Origin", reporting())
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "authorization,content-type")
				.exchange().expectStatus().isOk()
				.expectHeader().valueEquals("Access-Control-Allow-Origin", reporting());
			client.options().uri("/api/admin/winners").header("Origin", "http://elsewhere.example")
				.header("Access-Control-Request-Method", "POST")
				.exchange().expectStatus().isForbidden()
				.expectHeader().doesNotExist("Access-Control-Allow-Origin");
		}
	}

	private void laptop() {
		browser = Chromium.window(1366, 900);
		console = new ConsolePages(browser, reporting());
	}

	private static String reporting() {
		return "http://localhost:" + RunningSuite.suite().port(Service.REPORTING);
	}

	private static CampaignDefinition campaign() {
		return RunningSuite.suite().context(Service.QUIZ).getBean(Campaigns.class).active();
	}

	/** The rows' texts, read in one step: the page redraws its tables while the test reads them. */
	@SuppressWarnings("unchecked")
	private List<String> rows(String table) {
		return (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(document.querySelectorAll(arguments[0] + ' tbody tr')).map(r => r.innerText);", table);
	}

	private int offlineParticipants() {
		return Integer.parseInt((String) ((JavascriptExecutor) browser).executeScript(
				"return document.querySelectorAll('#table tbody tr[data-union=harbin] td')[8].innerText;"));
	}

	/** Date inputs take their value as the page's script would; typing depends on the browser's locale. */
	private void date(LocalDate day) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", console.byId("activity-date"),
				day.toString());
	}

	/** The status the service answers the console's own token (fetch from the page, across origins). */
	private long status(String service, String path) {
		return (Long) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				Console.api(arguments[0], arguments[1]).then(() => done(200), e => done(e.status));""", service, path);
	}

	private static String csv(String name, String content) throws IOException {
		Path file = Files.createDirectories(Path.of("target", "console-files")).resolve(name);
		Files.writeString(file, content);
		return file.toAbsolutePath().toString();
	}

	/** The question bank as quiz-service exports it, for the province admin to import unchanged. */
	private static String bankExport() throws IOException {
		var reporting = WorkerJourney.client(RunningSuite.suite(), Service.REPORTING);
		String token = WorkerJourney.body(reporting.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "province", "password", RunningSuite.adminPassword())).exchange()
			.expectStatus().isOk()).get("token").asString();
		byte[] bank = ApiOperations.client(RunningSuite.suite(), Service.QUIZ).get().uri("/api/admin/questions/export")
			.headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody();
		Path file = Files.createDirectories(Path.of("target", "console-files")).resolve("bank.csv");
		Files.write(file, bank);
		return file.toAbsolutePath().toString();
	}
}
