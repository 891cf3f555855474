package org.netsecweek.quiz.draw;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The worker has no draw left to ask for. */
class NoDrawAvailable extends DomainProblem {

	NoDrawAvailable(int pointsPerDraw) {
		super(HttpStatus.CONFLICT, "no-draw-available", "暂无抽奖机会", "每积满" + pointsPerDraw + "分可抽奖一次，继续答题积分吧。");
	}
}
