package org.netsecweek.lottery.prize;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The campaign has had draws: its pool is fixed, because the fairness replay recomputes every draw from it. */
class PoolInUse extends DomainProblem {

	PoolInUse(String campaignId) {
		super(HttpStatus.CONFLICT, "prize-pool-in-use", "奖池已开始抽奖，不能修改",
				"活动 " + campaignId + " 已经开始抽奖。为保证每次抽奖都可公开核验，奖池（奖品、数量、权重和发放方式）在首次抽奖后不能再修改。");
	}
}
