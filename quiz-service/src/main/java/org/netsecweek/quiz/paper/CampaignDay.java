package org.netsecweek.quiz.paper;

import java.time.LocalDate;

import org.netsecweek.platform.campaign.CampaignDefinition;

/** A day of a campaign, in the campaign's time zone. */
public record CampaignDay(CampaignDefinition campaign, LocalDate day) {

	public String campaignId() {
		return campaign.id();
	}
}
