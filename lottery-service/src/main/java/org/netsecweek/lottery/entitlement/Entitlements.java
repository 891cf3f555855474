package org.netsecweek.lottery.entitlement;

import java.util.UUID;

import io.r2dbc.spi.Readable;
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

	/** Raises draws earned to {@code drawsEarned} unless they already are as high (a late, older event). */
	Mono<Entitlement> raise(Entitlement locked, int drawsEarned) {
		return db.sql("UPDATE entitlement SET draws_earned = GREATEST(draws_earned, :earned), updated_at = now() "
				+ "WHERE campaign_id = :campaign AND worker_id = :worker RETURNING " + COLUMNS)
			.bind("earned", Math.max(drawsEarned, 0))
			.bind("campaign", locked.campaignId())
			.bind("worker", locked.workerId())
			.map(Entitlements::entitlement)
			.one();
	}

	private static Entitlement entitlement(Readable row) {
		return new Entitlement(row.get("campaign_id", String.class), row.get("worker_id", UUID.class),
				row.get("draws_earned", Integer.class), row.get("draws_used", Integer.class));
	}
}
