package org.netsecweek.lottery.winner;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** No prize has the code typed in (the code itself is not repeated: it is a secret). */
class RedemptionCodeNotFound extends DomainProblem {

	RedemptionCodeNotFound() {
		super(HttpStatus.NOT_FOUND, "redemption-code-not-found", "兑奖码无效",
				"没有与该兑奖码对应的奖品。请核对职工手机上“我的奖品”中显示的10位兑奖码后重新输入。");
	}
}
