package org.netsecweek.scoring.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.campaign.CampaignDefinition;

/**
 * When a submitted paper is held for review instead of booked, by its campaign's {@code review} thresholds. Pure
 * logic: both rules read only the event and the worker's earlier submissions, so a replay decides the same.
 */
final class ReviewRules {

	private ReviewRules() {
	}

	/**
	 * Why the paper was answered implausibly fast, or {@code null}: the least time for a whole paper is
	 * {@code minAnsweringSeconds}, scaled down for shorter papers by their share of {@code questionsPerPaper}.
	 */
	static String fastPaper(AnswerSubmitted answer, CampaignDefinition campaign) {
		return fastPaper(answer, campaign.review(), campaign.rules().questionsPerPaper());
	}

	static String fastPaper(AnswerSubmitted answer, CampaignDefinition.Review review, int questionsPerPaper) {
		long minimumMillis = review.minAnsweringSeconds() * 1000L * answer.questionCount() / questionsPerPaper;
		if (answer.answeringMillis() >= minimumMillis) {
			return null;
		}
		return "答题用时 " + answer.answeringMillis() / 1000.0 + " 秒，低于 " + seconds(minimumMillis) + " 秒";
	}

	/**
	 * Why the submission at {@code at} is part of a burst, or {@code null}: counting it, the worker made more than
	 * {@code burstSubmissions} submissions within {@code burstWindow} up to it.
	 *
	 * @param earlier the times of the worker's earlier submissions in the campaign (any order; later ones are
	 * ignored)
	 */
	static String burst(List<Instant> earlier, Instant at, CampaignDefinition.Review review) {
		Instant from = at.minus(review.burstWindow());
		long count = 1 + earlier.stream().filter(t -> t.isAfter(from) && !t.isAfter(at)).count();
		return count > review.burstSubmissions() ? window(review.burstWindow()) + "内提交" + count + "次" : null;
	}

	private static String window(Duration window) {
		if (window.toSeconds() % 3600 == 0) {
			return window.toHours() + "小时";
		}
		return window.toSeconds() % 60 == 0 ? window.toMinutes() + "分钟" : window.toSeconds() + "秒";
	}

	private static String seconds(long millis) {
		return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
	}
}
