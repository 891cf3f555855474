package org.netsecweek.lottery.winner;

import java.util.UUID;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** No draw with that id won a prize. */
class WinnerNotFound extends DomainProblem {

	WinnerNotFound(UUID drawId) {
		super(HttpStatus.NOT_FOUND, "winner-not-found", "中奖记录不存在", "编号为 " + drawId + " 的抽奖没有中奖记录。");
	}
}
