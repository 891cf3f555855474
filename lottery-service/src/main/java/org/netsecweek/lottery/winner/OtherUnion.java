package org.netsecweek.lottery.winner;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** A union admin asked for, or tried to hand over, another union's prizes. */
class OtherUnion extends DomainProblem {

	OtherUnion() {
		super(HttpStatus.FORBIDDEN, "other-union", "无权操作其他工会的奖品", "只能查看和发放本工会职工的奖品。");
	}
}
