package org.netsecweek.lottery.fairness;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The campaign is still running (or its last day has not ended), so its seed and draw log stay secret. */
public class SeedNotRevealed extends DomainProblem {

	SeedNotRevealed(String campaignId) {
		super(HttpStatus.CONFLICT, "seed-not-revealed", "开奖种子尚未公布",
				"活动 " + campaignId + " 的最后一天结束（按活动时区）后才公布种子和抽奖记录，届时即可核验每一次抽奖。");
	}
}
