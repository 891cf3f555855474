package org.netsecweek.lottery.prize;

import java.time.Duration;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Stocks every known campaign's pool from its definition at start-up, each in a transaction of its own. It runs
 * after the migrations and before the message bindings start, so no draw ever meets a campaign whose pool is still
 * being stocked.
 */
@Component
class PrizeStocking implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PrizeStocking.class);

	private final Prizes prizes;

	private final Campaigns campaigns;

	private final DrawsBegun draws;

	private final TransactionalOperator transaction;

	PrizeStocking(Prizes prizes, Campaigns campaigns, DrawsBegun draws, ReactiveTransactionManager transactions) {
		this.prizes = prizes;
		this.campaigns = campaigns;
		this.draws = draws;
		this.transaction = TransactionalOperator.create(transactions);
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (CampaignDefinition campaign : campaigns.all()) {
			transaction.transactional(prizes.stock(campaign, draws)).block(Duration.ofSeconds(30));
		}
		log.info("Prize pools stocked where missing for campaigns {}",
				campaigns.all().stream().map(CampaignDefinition::id).toList());
	}
}
