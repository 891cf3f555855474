package org.netsecweek.quiz.attempt;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The result shown to the worker right after submitting, and again to any repeat of the same submission.
 *
 * @param pointsEarned points the campaign's rules give for this attempt (booked by scoring-service)
 */
record GradedAttempt(UUID attemptId, String campaignId, LocalDate day, int correctCount, int questionCount,
		int pointsEarned, List<Outcome> results) {

	/**
	 * One question's outcome.
	 *
	 * @param chosen the option keys the worker chose
	 * @param answer the right option keys
	 */
	record Outcome(String questionId, String category, boolean correct, List<String> chosen, List<String> answer,
			String explanation, String basis) {
	}
}
