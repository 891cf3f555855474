package org.netsecweek.lottery.prize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.netsecweek.platform.campaign.CampaignDefinition;

/** Campaign days by number: day 1 is {@code startsOn}, in the campaign's time zone. */
public final class CampaignDays {

	private CampaignDays() {
	}

	/** How many days the campaign runs, {@code startsOn} to {@code endsOn} inclusive; at least 1. */
	public static int count(CampaignDefinition campaign) {
		return (int) Math.max(1, ChronoUnit.DAYS.between(campaign.startsOn(), campaign.endsOn()) + 1);
	}

	/** The number of the campaign day an instant falls on (0 or less before the campaign, above count after it). */
	public static int dayOf(CampaignDefinition campaign, Instant instant) {
		return (int) (ChronoUnit.DAYS.between(campaign.startsOn(), campaign.dayOf(instant)) + 1);
	}
}
