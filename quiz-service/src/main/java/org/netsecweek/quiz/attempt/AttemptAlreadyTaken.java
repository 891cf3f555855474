package org.netsecweek.quiz.attempt;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The worker already answered today's paper: one attempt per worker per campaign day. */
class AttemptAlreadyTaken extends DomainProblem {

	AttemptAlreadyTaken() {
		super(HttpStatus.CONFLICT, "attempt-already-taken", "今日已答题", "每名职工每天可参与答题1次，今天你已经答过了，明天再来吧。");
	}
}
