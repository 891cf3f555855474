package org.netsecweek.quiz.paper;

import java.time.LocalDate;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** Today is outside the running campaign's window. */
class CampaignNotOpen extends DomainProblem {

	CampaignNotOpen(CampaignDefinition campaign, LocalDate today) {
		super(HttpStatus.CONFLICT, "campaign-not-open", today.isBefore(campaign.startsOn()) ? "活动尚未开始" : "活动已结束",
				"答题活动时间为 " + campaign.startsOn() + " 至 " + campaign.endsOn() + "。");
	}
}
