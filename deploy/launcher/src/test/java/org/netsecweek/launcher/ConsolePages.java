package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The staff console as a browser test drives it: signing in, moving between pages, and what every page must meet. */
final class ConsolePages {

	/**
	 * Every visible form control without a label or an accessible name, and every visible button without a name.
	 */
	private static final String UNLABELLED = """
			return Array.from(document.querySelectorAll('input, select, textarea, button'))
			  .filter(e => e.getClientRects().length > 0 && e.type !== 'hidden')
			  .filter(e => e.tagName === 'BUTTON' ? !(e.textContent.trim() || e.getAttribute('aria-label'))
			      : !((e.labels && e.labels.length) || e.getAttribute('aria-label')))
			  .map(e => e.outerHTML.slice(0, 120));""";

	/** Every visible text whose contrast with its background is below 4.5:1 (WCAG AA for normal text). */
	private static final String LOW_CONTRAST = """
			const rgb = c => { const m = c.match(/[\\d.]+/g); return m ? m.map(Number) : null; };
			const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
			  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
			  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
			const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
			  if (c && (c.length < 4 || c[3] > 0)) return c; } return [255, 255, 255]; };
			return Array.from(document.querySelectorAll('body *'))
			  .filter(e => !(e instanceof SVGElement) && e.getClientRects().length > 0)
			  .filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
			  .map(e => { const f = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
			    return [e, (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05)]; })
			  .filter(([e, ratio]) => ratio < 4.5)
			  .map(([e, ratio]) => ratio.toFixed(2) + ' ' + e.outerHTML.slice(0, 100));""";

	private final WebDriver browser;

	private final WebDriverWait wait;

	private final String address;

	ConsolePages(WebDriver browser, String address) {
		this.browser = browser;
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		this.address = address;
	}

	WebDriverWait waiting() {
		return wait;
	}

	void signIn(String username, String password) {
		browser.get(address + "/console.html");
		wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in-button")).click();
		wait.until(d -> d.findElement(By.id("progress")).isDisplayed()
				&& d.findElements(By.cssSelector("#table tbody tr")).size() > 1);
	}

	/** Follows the menu link, with the keyboard as a keyboard user would, and waits for the page's data. */
	void open(String page) {
		WebElement link = browser.findElement(By.cssSelector("nav a[data-page='" + page + "']"));
		link.sendKeys(org.openqa.selenium.Keys.ENTER);
		settled(page);
	}

	/** Opens an address of the console directly, as a typed or bookmarked address would. */
	void visit(String hash) {
		browser.get(address + "/console.html#" + hash);
	}

	void settled(String page) {
		wait.until(d -> d.findElement(By.id(page)).isDisplayed() && !d.findElement(By.id("busy")).isDisplayed());
	}

	WebElement byId(String id) {
		return browser.findElement(By.id(id));
	}

	String text(String id) {
		return byId(id).getText();
	}

	void waitForText(String id, String part) {
		wait.until(d -> d.findElement(By.id(id)).getText().contains(part));
	}

	/** Labels on every control, contrast of at least 4.5:1, nothing wider than the screen, no template leftovers. */
	@SuppressWarnings("unchecked")
	void meetsTheBasics(String where) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		assertThat((List<String>) js.executeScript(UNLABELLED)).as(where + ": controls without a label").isEmpty();
		assertThat((List<String>) js.executeScript(LOW_CONTRAST)).as(where + ": text below 4.5:1").isEmpty();
		assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
			.as(where + ": no sideways scrolling of the page").isTrue();
		assertThat(browser.findElement(By.tagName("body")).getText()).as(where).doesNotContain("undefined", "NaN",
				"null");
	}

	void screenshot(String name) {
		Chromium.screenshot(browser, name);
	}
}
