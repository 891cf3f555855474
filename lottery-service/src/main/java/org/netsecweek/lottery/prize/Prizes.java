package org.netsecweek.lottery.prize;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Prize pools and their inventory. */
@Component
public class Prizes {

	private final DatabaseClient db;

	Prizes(DatabaseClient db) {
		this.db = db;
	}

	/** The campaign's pool; a campaign without one has no prizes and a draw on it always lands on no prize. */
	public Mono<PrizePool> pool(String campaignId) {
		return db.sql("SELECT no_prize_weight FROM prize_pool WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> row.get("no_prize_weight", Integer.class))
			.one()
			.defaultIfEmpty(0)
			.flatMap(noPrizeWeight -> db.sql("SELECT prize_id, name, weight, quantity, stock_left FROM prize "
					+ "WHERE campaign_id = :campaign ORDER BY position, prize_id")
				.bind("campaign", campaignId)
				.map(row -> new Prize(row.get("prize_id", String.class), row.get("name", String.class),
						row.get("weight", Integer.class), row.get("quantity", Integer.class),
						row.get("stock_left", Integer.class)))
				.all()
				.collectList()
				.map(prizes -> new PrizePool(campaignId, noPrizeWeight, prizes)));
	}

	/**
	 * Takes one unit of a prize. Emits {@code false} when none is left: the guard keeps the inventory from going
	 * below zero whatever runs at the same time.
	 */
	public Mono<Boolean> takeOne(String campaignId, String prizeId) {
		return db.sql("UPDATE prize SET stock_left = stock_left - 1 "
				+ "WHERE campaign_id = :campaign AND prize_id = :prize AND stock_left > 0")
			.bind("campaign", campaignId)
			.bind("prize", prizeId)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	/**
	 * Stocks the configured pool for a campaign, adding only what is missing: a restart, or several instances
	 * starting at once, never refills or changes a pool already in use.
	 */
	Mono<Void> stock(String campaignId, PrizeSettings settings) {
		Mono<Void> pool = db.sql("INSERT INTO prize_pool (campaign_id, no_prize_weight) VALUES (:campaign, :weight) "
				+ "ON CONFLICT DO NOTHING")
			.bind("campaign", campaignId)
			.bind("weight", settings.noPrizeWeight())
			.then();
		Flux<Void> prizes = Flux.range(0, settings.pool().size()).concatMap(position -> {
			PrizeSettings.PrizeDefinition prize = settings.pool().get(position);
			return db.sql("INSERT INTO prize (campaign_id, prize_id, position, name, weight, quantity, stock_left) "
					+ "VALUES (:campaign, :prize, :position, :name, :weight, :quantity, :quantity) ON CONFLICT DO NOTHING")
				.bind("campaign", campaignId)
				.bind("prize", prize.id())
				.bind("position", position)
				.bind("name", prize.name())
				.bind("weight", prize.weight())
				.bind("quantity", prize.quantity())
				.then();
		});
		return pool.thenMany(prizes).then();
	}

	/** Units left of every prize of every campaign, for the gauges. */
	Flux<Stock> stockLeft() {
		return db.sql("SELECT campaign_id, prize_id, stock_left FROM prize")
			.map(row -> new Stock(row.get("campaign_id", String.class), row.get("prize_id", String.class),
					row.get("stock_left", Integer.class)))
			.all();
	}

	record Stock(String campaignId, String prizeId, int left) {
	}
}
