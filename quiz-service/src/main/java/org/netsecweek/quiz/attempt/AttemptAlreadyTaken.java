package org.netsecweek.quiz.attempt;

import java.util.Map;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/**
 * The worker already answered today's paper: one attempt per worker per campaign day. Carries the first attempt's
 * summary ({@code firstAttempt}), so the page can show it.
 */
class AttemptAlreadyTaken extends DomainProblem {

	AttemptAlreadyTaken(GradedAttempt first) {
		super(HttpStatus.CONFLICT, "attempt-already-taken", "今日已答题",
				"每名职工每天可参与答题1次，今天你已经答过了（答对" + first.correctCount() + "题），明天再来吧。",
				Map.of("firstAttempt", Map.of("attemptId", first.attemptId().toString(), "correctCount",
						first.correctCount(), "questionCount", first.questionCount(), "pointsEarned", first.pointsEarned())));
	}
}
