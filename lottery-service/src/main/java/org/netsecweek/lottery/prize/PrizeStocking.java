package org.netsecweek.lottery.prize;

import java.time.Duration;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Stocks the configured pool for every known campaign at start-up. It runs after the migrations and before the
 * message bindings start, so no draw ever meets a campaign whose pool is still being stocked.
 */
@Component
class PrizeStocking implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PrizeStocking.class);

	private final Prizes prizes;

	private final Campaigns campaigns;

	private final PrizeSettings settings;

	PrizeStocking(Prizes prizes, Campaigns campaigns, PrizeSettings settings) {
		this.prizes = prizes;
		this.campaigns = campaigns;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (CampaignDefinition campaign : campaigns.all()) {
			prizes.stock(campaign.id(), settings).block(Duration.ofSeconds(30));
		}
		log.info("Prize pools stocked where missing for campaigns {}",
				campaigns.all().stream().map(CampaignDefinition::id).toList());
	}
}
