package org.netsecweek.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.campaign.CampaignDefinition.Review;

class ReviewRulesTests {

	private static final Instant T = Instant.parse("2022-09-05T01:00:00Z");

	@Test
	void aFullPaperFasterThanTheCampaignsMinimumIsHeld() {
		assertThat(ReviewRules.fastPaper(answer(10, 19_999), new Review(20, 2, Duration.ofMinutes(10)), 10))
			.isEqualTo("答题用时 19.999 秒，低于 20 秒");
		assertThat(ReviewRules.fastPaper(answer(10, 20_000), new Review(20, 2, Duration.ofMinutes(10)), 10))
			.isNull();
	}

	@Test
	void aShorterPaperHasAProportionallyShorterMinimum() {
		Review review = new Review(20, 2, Duration.ofMinutes(10));
		assertThat(ReviewRules.fastPaper(answer(5, 12_000), review, 10)).isNull();
		assertThat(ReviewRules.fastPaper(answer(5, 9_000), review, 10)).isEqualTo("答题用时 9.0 秒，低于 10 秒");
		assertThat(ReviewRules.fastPaper(answer(3, 5_000), review, 10)).contains("低于 6 秒");
	}

	@Test
	void theCampaignsMinimumDecidesNotAServiceSetting() {
		assertThat(ReviewRules.fastPaper(answer(10, 45_000), new Review(60, 2, Duration.ofMinutes(10)), 10))
			.contains("低于 60 秒");
		assertThat(ReviewRules.fastPaper(answer(10, 1), new Review(0, 2, Duration.ofMinutes(10)), 10)).isNull();
	}

	@Test
	void moreSubmissionsThanAllowedWithinTheWindowAreABurst() {
		Review review = new Review(20, 2, Duration.ofMinutes(10));
		assertThat(ReviewRules.burst(List.of(), T, review)).isNull();
		assertThat(ReviewRules.burst(List.of(T.minusSeconds(60)), T, review)).isNull();
		assertThat(ReviewRules.burst(List.of(T.minusSeconds(540), T.minusSeconds(60)), T, review))
			.isEqualTo("10分钟内提交3次");
	}

	@Test
	void submissionsOutsideTheWindowOrLaterDoNotCount() {
		Review review = new Review(20, 2, Duration.ofMinutes(10));
		assertThat(ReviewRules.burst(List.of(T.minusSeconds(600), T.minusSeconds(60)), T, review)).isNull();
		assertThat(ReviewRules.burst(List.of(T.plusSeconds(1), T.minusSeconds(60)), T, review)).isNull();
		assertThat(ReviewRules.burst(List.of(T, T), T, new Review(20, 2, Duration.ofHours(1))))
			.isEqualTo("1小时内提交3次");
	}

	private static AnswerSubmitted answer(int questions, long millis) {
		return new AnswerSubmitted(UUID.randomUUID(), T, "c", 1, UUID.randomUUID(), UUID.randomUUID(), "harbin",
				"harbin-0001", LocalDate.of(2022, 9, 5), List.of(), questions, questions, millis);
	}
}
