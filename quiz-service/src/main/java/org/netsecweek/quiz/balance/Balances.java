package org.netsecweek.quiz.balance;

import java.util.UUID;

import org.netsecweek.events.scoring.PointsAwarded;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Workers' balances, fed by PointsAwarded. */
@Component
public class Balances {

	private final DatabaseClient db;

	Balances(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Takes the announced total (scoring-service announces each attempt once; the inbox applies each event once). Totals only grow, so the larger value is the newer one: a reordered or repeated
	 * event never moves the balance back.
	 */
	Mono<Void> apply(PointsAwarded points) {
		return db.sql("INSERT INTO balance (campaign_id, worker_id, total, draws_earned, booked_attempts) VALUES (:campaign, "
				+ ":worker, :total, :draws, 1) ON CONFLICT (campaign_id, worker_id) DO UPDATE SET "
				+ "total = GREATEST(balance.total, EXCLUDED.total), "
				+ "draws_earned = GREATEST(balance.draws_earned, EXCLUDED.draws_earned), "
				+ "booked_attempts = balance.booked_attempts + 1, updated_at = now()")
			.bind("campaign", points.campaignId())
			.bind("worker", points.workerId())
			.bind("total", points.newTotal())
			.bind("draws", points.drawsEarned())
			.then();
	}

	/** The worker's balance in a campaign; zeros before their first points. */
	public Mono<Balance> find(String campaignId, UUID worker) {
		return db.sql("SELECT coalesce(b.total, 0) AS total, coalesce(b.draws_earned, 0) AS draws_earned, "
				+ "coalesce(b.booked_attempts, 0) AS booked, "
				+ "(SELECT count(*) FROM attempt a WHERE a.campaign_id = :campaign AND a.worker_id = :worker) AS attempts, "
				+ "(SELECT count(*) FROM draw d WHERE d.campaign_id = :campaign AND d.worker_id = :worker) AS requested, "
				+ "(SELECT count(*) FROM draw d WHERE d.campaign_id = :campaign AND d.worker_id = :worker "
				+ "AND d.status = 'PENDING') AS pending "
				+ "FROM (SELECT 1) one LEFT JOIN balance b ON b.campaign_id = :campaign AND b.worker_id = :worker")
			.bind("campaign", campaignId)
			.bind("worker", worker)
			.map(row -> new Balance(campaignId, row.get("total", Integer.class), row.get("draws_earned", Integer.class),
					row.get("requested", Long.class).intValue(),
					row.get("attempts", Long.class) > row.get("booked", Integer.class),
					row.get("pending", Long.class).intValue()))
			.one();
	}
}
