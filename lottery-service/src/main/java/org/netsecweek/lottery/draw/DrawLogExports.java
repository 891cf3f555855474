package org.netsecweek.lottery.draw;

import java.util.List;
import java.util.UUID;

import org.netsecweek.lottery.fairness.FairnessSeeds;
import org.netsecweek.lottery.prize.Prizes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Reads a campaign's draw log, pool and commitment into a {@link DrawLogExport}. */
@Component
class DrawLogExports {

	private final DatabaseClient db;

	private final Prizes prizes;

	private final FairnessSeeds seeds;

	DrawLogExports(DatabaseClient db, Prizes prizes, FairnessSeeds seeds) {
		this.db = db;
		this.prizes = prizes;
		this.seeds = seeds;
	}

	/**
	 * The log up to the chain's head as read first: entries up to the head's sequence number were committed with it,
	 * so a draw appended meanwhile (a pending one performed just after the end) cannot make the export inconsistent.
	 */
	Mono<DrawLogExport> export(String campaignId) {
		return Mono.zip(seeds.seedOf(campaignId), prizes.pool(campaignId), head(campaignId)).flatMap(found -> {
			var pool = found.getT2();
			var head = found.getT3();
			List<DrawLogExport.PoolPrize> stock = pool.prizes()
				.stream()
				.map(prize -> new DrawLogExport.PoolPrize(prize.id(), prize.name(), prize.weight(), prize.quantity()))
				.toList();
			return entries(campaignId, head.lastSeq()).collectList()
				.map(entries -> new DrawLogExport(campaignId, found.getT1().commitment(), pool.noPrizeWeight(),
						pool.whenOutOfStock(), pool.release(), pool.days(), stock, head.lastSeq(), head.lastHash(),
						entries));
		});
	}

	private Mono<DrawLog.Head> head(String campaignId) {
		return db.sql("SELECT last_seq, last_hash FROM draw_log_head WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> new DrawLog.Head(campaignId, row.get("last_seq", Long.class), row.get("last_hash", String.class),
					0))
			.one()
			.defaultIfEmpty(new DrawLog.Head(campaignId, 0, ChainHash.GENESIS, 0));
	}

	private Flux<DrawLogExport.LoggedDraw> entries(String campaignId, long upTo) {
		return db.sql("SELECT seq, draw_id, draw_hmac, outcome, prize_id, day, previous_hash, hash FROM draw_log "
				+ "WHERE campaign_id = :campaign AND seq <= :upTo ORDER BY seq")
			.bind("campaign", campaignId)
			.bind("upTo", upTo)
			.map(row -> new DrawLogExport.LoggedDraw(row.get("seq", Long.class), row.get("draw_id", UUID.class),
					row.get("draw_hmac", String.class), row.get("outcome", String.class),
					row.get("prize_id", String.class), row.get("day", Integer.class), row.get("previous_hash", String.class),
					row.get("hash", String.class)))
			.all();
	}
}
