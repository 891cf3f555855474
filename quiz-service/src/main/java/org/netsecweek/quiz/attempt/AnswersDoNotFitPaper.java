package org.netsecweek.quiz.attempt;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The submitted answers name questions or options that are not on the worker's paper. */
class AnswersDoNotFitPaper extends DomainProblem {

	AnswersDoNotFitPaper(String detail) {
		super(HttpStatus.BAD_REQUEST, "answers-do-not-fit-paper", "答案与试卷不符", detail);
	}
}
