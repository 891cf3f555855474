package org.netsecweek.quiz.balance;

import java.util.List;
import java.util.UUID;

import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.Batches;
import reactor.core.publisher.Flux;
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
	 * Takes the announced totals (the inbox applies each event once), each worker's events in the order given: one
	 * statement per round of the batch (one event per worker: the whole batch, unless a worker has several events in
	 * it), two if it mixes schemas. An event with a sequence sets the balance when it is newer than the one applied,
	 * so a reordered event never moves it back and an adjustment may lower it; a schema-1 event (no sequence; totals
	 * only grew) keeps the larger figures. Adjustments are not attempts, so they leave the count of booked attempts
	 * alone.
	 */
	Mono<Void> apply(List<PointsAwarded> batch) {
		return Flux.fromIterable(Batches.rounds(batch, points -> List.of(points.campaignId(), points.workerId())))
			// a round holds one event per worker, so its two statements touch different rows
			.concatMap(round -> upsert(true, round).then(upsert(false, round)))
			.then();
	}

	/** Upserts the round's events of one schema: with a sequence ({@code sequenced}) or without. */
	private Mono<Void> upsert(boolean sequenced, List<PointsAwarded> events) {
		List<PointsAwarded> round = events.stream().filter(points -> (points.sequence() != null) == sequenced).toList();
		if (round.isEmpty()) {
			return Mono.empty();
		}
		String newer = "balance.points_sequence < EXCLUDED.points_sequence";
		return db.sql("INSERT INTO balance (campaign_id, worker_id, total, draws_earned, booked_attempts, "
				+ "points_sequence) SELECT c, w, t, d, b, s FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:t AS int[]), CAST(:d AS int[]), CAST(:b AS int[]), CAST(:s AS bigint[])) AS u(c, w, t, d, b, s) "
				+ "ON CONFLICT (campaign_id, worker_id) DO UPDATE SET "
				+ (sequenced
						? "total = CASE WHEN " + newer + " THEN EXCLUDED.total ELSE balance.total END, "
								+ "draws_earned = CASE WHEN " + newer + " THEN EXCLUDED.draws_earned "
								+ "ELSE balance.draws_earned END, "
								+ "points_sequence = GREATEST(balance.points_sequence, EXCLUDED.points_sequence), "
						: "total = GREATEST(balance.total, EXCLUDED.total), "
								+ "draws_earned = GREATEST(balance.draws_earned, EXCLUDED.draws_earned), ")
				+ "booked_attempts = balance.booked_attempts + EXCLUDED.booked_attempts, updated_at = now()")
			.bind("c", round.stream().map(PointsAwarded::campaignId).toArray(String[]::new))
			.bind("w", round.stream().map(PointsAwarded::workerId).toArray(UUID[]::new))
			.bind("t", round.stream().map(PointsAwarded::newTotal).toArray(Integer[]::new))
			.bind("d", round.stream().map(PointsAwarded::drawsEarned).toArray(Integer[]::new))
			.bind("b", round.stream().map(points -> points.adjustmentId() != null ? 0 : 1).toArray(Integer[]::new))
			.bind("s", round.stream().map(points -> sequenced ? points.sequence() : 0L).toArray(Long[]::new))
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
