package org.netsecweek.quiz.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import org.netsecweek.infra.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The 2022 campaign played on its own days, by a clock set in 2022. */
@Import(ThemeDayIntegrationTests.Clocks.class)
@QuizIntegrationTest(properties = { "spring.config.name=quiz-service", "netsec.campaign.active=hlj-2022" })
class ThemeDayIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	TestClock clock;

	@Test
	void onTheThemeDayEveryQuestionIsAboutPersonalInformation() {
		clock.set(Instant.parse("2022-09-11T01:00:00Z")); // 09:00 in Harbin
		Phone phone = Phone.signIn(web, "harbin", "harbin-0001");

		var paper = phone.paper();

		assertThat(paper.get("themeDay").asBoolean()).isTrue();
		assertThat(paper.get("questions").size()).isEqualTo(10);
		paper.get("questions").forEach(q -> assertThat(q.get("category").asString()).isEqualTo("PERSONAL_INFORMATION"));
	}

	@Test
	void theDayChangesAtMidnightInTheCampaignsTimeZoneAndTheCampaignClosesAfterItsLastDay() {
		clock.set(Instant.parse("2022-09-10T15:30:00Z")); // 23:30 on the 10th in Harbin
		Phone phone = Phone.signIn(web, "harbin", "harbin-0002");
		assertThat(phone.paper().get("day").asString()).isEqualTo("2022-09-10");
		clock.set(Instant.parse("2022-09-10T16:30:00Z")); // 00:30 on the 11th
		assertThat(phone.paper().get("day").asString()).isEqualTo("2022-09-11");

		clock.set(Instant.parse("2022-09-11T16:00:00Z")); // 00:00 on the 12th
		Phone late = Phone.signIn(web, "harbin", "harbin-0003");
		web.get().uri("/api/papers/today").headers(h -> h.setBearerAuth(late.token)).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("campaign-not-open")
			.jsonPath("$.title").isEqualTo("活动已结束");
	}

	@Test
	void aPaperIsAcceptedOnlyWithinItsTimeLimitFromWhenItWasFirstShown() {
		clock.set(Instant.parse("2022-09-07T01:00:00Z"));
		Phone late = Phone.signIn(web, "harbin", "harbin-0002");
		Phone inTime = Phone.signIn(web, "harbin", "harbin-0003");
		assertThat(late.paper().get("expiresAt").asString()).isEqualTo("2022-09-07T01:15:00Z");
		inTime.paper();

		clock.set(Instant.parse("2022-09-07T01:14:00Z"));
		inTime.paper(); // a reload does not restart the clock
		inTime.submit(java.util.Map.of(), null).expectStatus().isCreated();
		clock.set(Instant.parse("2022-09-07T01:15:01Z"));
		late.submit(java.util.Map.of(), null).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("paper-expired");
	}

	@Test
	void aTokenExpiresByTheSuitesClock() {
		clock.set(Instant.parse("2022-09-06T01:00:00Z"));
		Phone phone = Phone.signIn(web, "harbin", "harbin-0001");
		clock.set(Instant.parse("2022-09-06T13:05:00Z")); // 12 h and a little more than the 60 s allowed skew
		web.get().uri("/api/papers/today").headers(h -> h.setBearerAuth(phone.token)).exchange()
			.expectStatus().isUnauthorized();
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		TestClock clock() {
			return new TestClock(Instant.parse("2022-09-05T01:00:00Z"));
		}
	}
}
