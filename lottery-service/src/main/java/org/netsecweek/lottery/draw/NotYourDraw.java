package org.netsecweek.lottery.draw;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

class NotYourDraw extends DomainProblem {

	NotYourDraw() {
		super(HttpStatus.FORBIDDEN, "not-your-draw", "无权查看该抽奖记录", "只能查看本人的抽奖记录。");
	}
}
