package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsecweek.quiz.bank.QuestionBank;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A worker's day on the H5 page, in Debian's Chromium with a phone's viewport, against the whole suite: sign in,
 * answer, see the points arrive from scoring-service, draw, see lottery-service's outcome.
 */
@ExtendWith(RunningSuite.class)
class H5JourneyBrowserTests {

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openPhone() {
		browser = Chromium.device(390, 844);
		wait = new WebDriverWait(browser, Duration.ofSeconds(60));
	}

	@AfterEach
	void closePhone() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aWorkerSignsInAnswersSeesThePointsArriveAndDraws() {
		Suite suite = RunningSuite.suite();
		browser.get("http://localhost:" + suite.port(Service.QUIZ) + "/");

		wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
		assertThat(browser.findElement(By.id("campaign-theme")).getText()).isEqualTo("网络安全为人民，网络安全靠人民");
		assertThat(browser.findElement(By.id("lesson-title")).getText()).startsWith("第1课");
		browser.findElement(By.id("font-button")).click();
		assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).contains("large");
		browser.findElement(By.id("phone")).sendKeys("13912345678");
		browser.findElement(By.id("code-button")).click();
		wait.until(d -> d.findElement(By.id("code")).getAttribute("value").matches("\\d{6}"));
		browser.findElement(By.id("sign-in-button")).click();

		wait.until(d -> d.findElement(By.id("register")).isDisplayed());
		assertThat(browser.findElement(By.id("notice-body")).getText()).contains("保存多久");
		new Select(browser.findElement(By.id("union"))).selectByVisibleText("哈尔滨市");
		wait.until(d -> new Select(d.findElement(By.id("org"))).getOptions().size() == 3);
		new Select(browser.findElement(By.id("org"))).selectByIndex(1);
		browser.findElement(By.id("name")).sendKeys("张三明");
		browser.findElement(By.id("consent")).click();
		browser.findElement(By.id("register-button")).click();

		wait.until(d -> d.findElement(By.id("paper")).isDisplayed());
		QuestionBank bank = suite.context(Service.QUIZ).getBean(QuestionBank.class);
		List<WebElement> questions = browser.findElements(By.cssSelector("#questions > li"));
		assertThat(questions).hasSize(10);
		for (WebElement question : questions) {
			String id = question.getAttribute("data-question");
			for (String key : bank.find(id).orElseThrow().answer()) {
				question.findElement(By.cssSelector("input[value='" + key + "']")).click();
			}
		}
		assertThat(noHorizontalScroll()).as("the page fits a 390 px wide phone").isTrue();
		screenshot("h5-paper.png");
		browser.findElement(By.id("submit-button")).click();

		wait.until(d -> d.findElement(By.id("score")).getText().equals("答对 10 / 10 题，获得 10 分"));
		assertThat(browser.findElements(By.cssSelector("#explanations .right"))).hasSize(10);
		wait.until(d -> d.findElement(By.id("points")).getText().equals("10"));
		assertThat(browser.findElement(By.id("draws-available")).getText()).isEqualTo("1");
		wait.until(d -> d.findElement(By.id("board-me")).getText().matches("你在.+排第 \\d+ 名（10 分）"));
		browser.findElement(By.id("board-province")).click();
		wait.until(d -> d.findElement(By.id("board-unions")).isDisplayed()
				&& d.findElement(By.id("board-union-averages")).getText().contains("分/人"));
		browser.findElement(By.id("board-shown")).click();
		wait.until(d -> d.findElement(By.id("board-me")).getText().endsWith("你已选择不在榜上显示"));

		browser.findElement(By.id("draw-button")).click();
		wait.until(d -> {
			String outcome = d.findElement(By.id("draw-outcome")).getText();
			return outcome.startsWith("🎉 恭喜你抽中") || outcome.startsWith("谢谢参与");
		});
		wait.until(d -> d.findElement(By.id("draws-available")).getText().equals("0"));
		String outcome = browser.findElement(By.id("draw-outcome")).getText();
		if (outcome.startsWith("🎉")) {
			wait.until(d -> d.findElement(By.id("prizes")).getText().contains("第1次抽奖"));
		}

		screenshot("h5-draw.png");
		browser.navigate().refresh();
		wait.until(d -> d.findElement(By.id("result")).isDisplayed());
		assertThat(browser.findElement(By.id("paper")).isDisplayed()).as("no second paper today").isFalse();

		// the smallest phones still in use: 320 px wide
		((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", true));
		browser.navigate().refresh();
		wait.until(d -> d.findElement(By.id("result")).isDisplayed());
		assertThat(noHorizontalScroll()).as("the page fits a 320 px wide phone").isTrue();
		screenshot("h5-320px.png");

		// the worker's own copy of what is held, then withdrawing consent
		browser.findElement(By.id("data-button")).click();
		wait.until(d -> d.findElement(By.id("data-list")).getText().contains("张三明"));
		browser.findElement(By.id("erase-button")).click();
		wait.until(d -> {
			try {
				d.switchTo().alert().accept();
				return true;
			}
			catch (org.openqa.selenium.NoAlertPresentException ex) {
				return false;
			}
		});
		wait.until(d -> d.findElement(By.id("message")).getText().startsWith("你的姓名和手机号已删除"));
		wait.until(d -> d.findElement(By.id("register")).isDisplayed());
	}

	private void screenshot(String name) {
		Chromium.screenshot(browser, name);
	}

	private boolean noHorizontalScroll() {
		return (Boolean) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
	}
}
