package org.netsecweek.lottery.draw;

import java.util.UUID;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

class DrawNotFound extends DomainProblem {

	DrawNotFound(UUID drawId) {
		super(HttpStatus.NOT_FOUND, "draw-not-found", "抽奖记录不存在",
				"没有编号为 " + drawId + " 的抽奖记录。刚提交的抽奖可能仍在处理中，请稍后再查看。");
	}
}
