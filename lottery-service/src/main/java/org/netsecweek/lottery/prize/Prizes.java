package org.netsecweek.lottery.prize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;
import org.netsecweek.platform.campaign.Campaigns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/** Prize pools and their inventory. */
@Component
public class Prizes {

	private final DatabaseClient db;

	private final Campaigns campaigns;

	Prizes(DatabaseClient db, Campaigns campaigns) {
		this.db = db;
		this.campaigns = campaigns;
	}

	/**
	 * The campaign's pool, in one statement; a campaign without one has no prizes and a draw on it always lands on no prize. Its days
	 * are the campaign definition's (1 for a campaign no longer defined).
	 */
	public Mono<PrizePool> pool(String campaignId) {
		int days = campaigns.find(campaignId).map(CampaignDays::count).orElse(1);
		return db.sql("SELECT pp.no_prize_weight, pp.when_out_of_stock, pp.release, p.prize_id, p.name, p.weight, "
				+ "p.quantity, p.stock_left, p.value FROM (SELECT CAST(:campaign AS text) AS c) k "
				+ "LEFT JOIN prize_pool pp ON pp.campaign_id = k.c LEFT JOIN prize p ON p.campaign_id = k.c "
				+ "ORDER BY p.position, p.prize_id")
			.bind("campaign", campaignId)
			.map(row -> {
				Integer noPrizeWeight = row.get("no_prize_weight", Integer.class);
				Rules rules = noPrizeWeight == null ? new Rules(0, OutOfStock.DRAW_AGAIN, Release.ALL_AT_ONCE)
						: new Rules(noPrizeWeight, OutOfStock.valueOf(row.get("when_out_of_stock", String.class)),
								Release.valueOf(row.get("release", String.class)));
				String prizeId = row.get("prize_id", String.class);
				return Map.entry(rules, prizeId == null ? List.<Prize>of()
						: List.of(new Prize(prizeId, row.get("name", String.class), row.get("weight", Integer.class),
								row.get("quantity", Integer.class), row.get("stock_left", Integer.class),
								row.get("value", BigDecimal.class))));
			})
			.all()
			.collectList()
			.map(rows -> {
				Rules rules = rows.get(0).getKey();
				List<Prize> prizes = rows.stream().flatMap(row -> row.getValue().stream()).toList();
				return new PrizePool(campaignId, rules.noPrizeWeight(), rules.whenOutOfStock(), rules.release(), days,
						prizes);
			});
	}

	/**
	 * Takes units of the campaign's prizes, one statement for all. The guard keeps each prize's inventory from going
	 * below zero and the units won within those released through the draws' day, whatever runs at the same time; a
	 * take it refuses fails the whole call (and so the caller's transaction) rather than overdrawing.
	 */
	public Mono<Void> take(String campaignId, List<Units> units) {
		if (units.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("UPDATE prize p SET stock_left = p.stock_left - u.n FROM unnest(CAST(:prize AS text[]), "
				+ "CAST(:n AS int[]), CAST(:released AS int[])) AS u(prize, n, released) WHERE p.campaign_id = :campaign "
				+ "AND p.prize_id = u.prize AND p.stock_left >= u.n AND p.quantity - p.stock_left + u.n <= u.released")
			.bind("campaign", campaignId)
			.bind("prize", units.stream().map(Units::prizeId).toArray(String[]::new))
			.bind("n", units.stream().map(Units::count).toArray(Integer[]::new))
			.bind("released", units.stream().map(Units::released).toArray(Integer[]::new))
			.fetch()
			.rowsUpdated()
			.flatMap(rows -> rows == units.size() ? Mono.<Void>empty()
					: Mono.error(new IllegalStateException("Not enough units available in campaign " + campaignId
							+ " for " + units)));
	}

	/**
	 * Units of a prize taken at once.
	 *
	 * @param released units of the prize released through the draws' day (the most that may have been won after)
	 */
	public record Units(String prizeId, int count, int released) {
	}

	/**
	 * Stocks a campaign's pool from its definition (no prizes when it declares none), adding only what is missing:
	 * a restart, or several instances starting at once, never refills or changes a pool in use. Prizes the
	 * definition gained are added only while no draw has happened and no admin has replaced the pool. Runs in the
	 * caller's transaction.
	 */
	Mono<Void> stock(CampaignDefinition campaign, DrawsBegun draws) {
		CampaignDefinition.Prizes declared = campaign.prizes();
		Mono<Void> pool = db.sql("INSERT INTO prize_pool (campaign_id, no_prize_weight, when_out_of_stock, release) "
				+ "VALUES (:campaign, :weight, :policy, :release) ON CONFLICT DO NOTHING")
			.bind("campaign", campaign.id())
			.bind("weight", declared == null ? 0 : declared.noPrizeWeight())
			.bind("policy", (declared == null ? OutOfStock.DRAW_AGAIN : declared.whenOutOfStock()).name())
			.bind("release", (declared == null ? Release.ALL_AT_ONCE : declared.release()).name())
			.then();
		if (declared == null) {
			return pool;
		}
		Mono<Boolean> fromDefinition = db.sql("SELECT source FROM prize_pool WHERE campaign_id = :campaign")
			.bind("campaign", campaign.id())
			.map(row -> "CAMPAIGN".equals(row.get("source", String.class)))
			.one();
		return pool.then(draws.lockAndCheck(campaign.id()))
			.zipWith(fromDefinition)
			.flatMap(found -> !found.getT1() && found.getT2()
					? insertPrizes(campaign.id(), declared.items(), "ON CONFLICT DO NOTHING") : Mono.empty());
	}

	/** Replaces a campaign's pool; the caller holds the draws' lock and has checked that none has happened. */
	Mono<Void> replace(String campaignId, CampaignDefinition.Prizes pool, String by, Instant at) {
		return db.sql("INSERT INTO prize_pool (campaign_id, no_prize_weight, when_out_of_stock, release, source, "
				+ "replaced_by, replaced_at) VALUES (:campaign, :weight, :policy, :release, 'ADMIN', :by, :at) "
				+ "ON CONFLICT (campaign_id) DO UPDATE SET no_prize_weight = :weight, when_out_of_stock = :policy, "
				+ "release = :release, source = 'ADMIN', replaced_by = :by, replaced_at = :at")
			.bind("campaign", campaignId)
			.bind("weight", pool.noPrizeWeight())
			.bind("policy", pool.whenOutOfStock().name())
			.bind("release", pool.release().name())
			.bind("by", by)
			.bind("at", at)
			.then()
			.then(db.sql("DELETE FROM prize WHERE campaign_id = :campaign").bind("campaign", campaignId).then())
			.then(insertPrizes(campaignId, pool.items(), ""));
	}

	private Mono<Void> insertPrizes(String campaignId, List<CampaignDefinition.Prize> items, String onConflict) {
		return Flux.range(0, items.size()).concatMap(position -> {
			CampaignDefinition.Prize prize = items.get(position);
			return db.sql("INSERT INTO prize (campaign_id, prize_id, position, name, weight, quantity, stock_left, value) "
					+ "VALUES (:campaign, :prize, :position, :name, :weight, :quantity, :quantity, :value) " + onConflict)
				.bind("campaign", campaignId)
				.bind("prize", prize.id())
				.bind("position", position)
				.bind("name", prize.name())
				.bind("weight", prize.weight())
				.bind("quantity", prize.quantity())
				.bind("value", Parameter.fromOrEmpty(prize.value(), BigDecimal.class))
				.then();
		}).then();
	}

	/** Units not yet won of every prize of every campaign, for the gauges. */
	Flux<Stock> stockLeft() {
		return db.sql("SELECT campaign_id, prize_id, stock_left FROM prize")
			.map(row -> new Stock(row.get("campaign_id", String.class), row.get("prize_id", String.class),
					row.get("stock_left", Integer.class)))
			.all();
	}

	record Stock(String campaignId, String prizeId, int left) {
	}

	private record Rules(int noPrizeWeight, OutOfStock whenOutOfStock, Release release) {
	}
}
