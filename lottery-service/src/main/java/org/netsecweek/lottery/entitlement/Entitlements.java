package org.netsecweek.lottery.entitlement;

import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.netsecweek.events.scoring.PointsAwarded;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Entitlement rows. Every change of a worker's draws runs in a transaction that first {@linkplain #lock locks} the
 * worker's row, so draws and entitlement changes of one worker happen one after the other, across instances.
 */
@Component
public class Entitlements {

	private static final String COLUMNS = "campaign_id, worker_id, draws_earned, draws_used";

	private final DatabaseClient db;

	Entitlements(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Locks the worker's row until the caller's transaction ends, creating it with zero draws if missing (a draw
	 * request may arrive before any points).
	 */
	public Mono<Entitlement> lock(String campaignId, UUID workerId) {
		return db.sql("INSERT INTO entitlement (campaign_id, worker_id) VALUES (:campaign, :worker) ON CONFLICT DO NOTHING")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.then()
			.then(db.sql("SELECT " + COLUMNS + " FROM entitlement WHERE campaign_id = :campaign AND worker_id = :worker "
					+ "FOR UPDATE")
				.bind("campaign", campaignId)
				.bind("worker", workerId)
				.map(Entitlements::entitlement)
				.one());
	}

	/**
	 * Uses one draw of a locked entitlement. The guard turns a miscount into a failed transaction instead of a
	 * draw beyond the entitlement.
	 */
	public Mono<Entitlement> useOne(Entitlement locked) {
		return db.sql("UPDATE entitlement SET draws_used = draws_used + 1, updated_at = now() "
				+ "WHERE campaign_id = :campaign AND worker_id = :worker AND draws_used < draws_earned RETURNING " + COLUMNS)
			.bind("campaign", locked.campaignId())
			.bind("worker", locked.workerId())
			.map(Entitlements::entitlement)
			.one()
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("No draw left for worker " + locked.workerId()
					+ " in campaign " + locked.campaignId())));
	}

	/**
	 * Takes the draws a PointsAwarded says the worker has earned. An event with a sequence (schema 2) counts when it
	 * is newer than the last one applied, and may also lower the draws earned (an admin took points away), though
	 * never below the draws already used; an event without one (schema 1, totals only grew) raises them only.
	 */
	Mono<Entitlement> apply(Entitlement locked, PointsAwarded points) {
		int earned = Math.max(points.drawsEarned(), 0);
		String set = points.sequence() == null
				? "draws_earned = GREATEST(draws_earned, :earned)"
				: "draws_earned = CASE WHEN points_sequence < :sequence THEN GREATEST(:earned, draws_used) "
						+ "ELSE draws_earned END, points_sequence = GREATEST(points_sequence, :sequence)";
		var update = db.sql("UPDATE entitlement SET " + set + ", updated_at = now() "
				+ "WHERE campaign_id = :campaign AND worker_id = :worker RETURNING " + COLUMNS)
			.bind("earned", earned)
			.bind("campaign", locked.campaignId())
			.bind("worker", locked.workerId());
		if (points.sequence() != null) {
			update = update.bind("sequence", points.sequence());
		}
		return update.map(Entitlements::entitlement).one();
	}

	private static Entitlement entitlement(Readable row) {
		return new Entitlement(row.get("campaign_id", String.class), row.get("worker_id", UUID.class),
				row.get("draws_earned", Integer.class), row.get("draws_used", Integer.class));
	}
}
