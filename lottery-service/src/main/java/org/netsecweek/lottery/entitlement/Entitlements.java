package org.netsecweek.lottery.entitlement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.Batches;
import reactor.core.publisher.Flux;
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
		Entitlement.Key key = new Entitlement.Key(campaignId, workerId);
		return lockAll(List.of(key)).map(locked -> locked.get(key));
	}

	/**
	 * Locks the workers' rows until the caller's transaction ends, creating missing ones with zero draws: the rows
	 * that exist first, in key order (so transactions locking overlapping sets wait rather than deadlock), then the
	 * ones it had to create. A worker's requests share a partition, so two batches rarely create the same row.
	 */
	public Mono<Map<Entitlement.Key, Entitlement>> lockAll(Collection<Entitlement.Key> keys) {
		return select(keys).flatMap(locked -> {
			List<Entitlement.Key> missing = keys.stream().filter(key -> !locked.containsKey(key)).toList();
			if (missing.isEmpty()) {
				return Mono.just(locked);
			}
			return db.sql("INSERT INTO entitlement (campaign_id, worker_id) SELECT c, w FROM unnest(CAST(:c AS text[]), "
					+ "CAST(:w AS uuid[])) AS t(c, w) ORDER BY c, w ON CONFLICT DO NOTHING")
				.bind("c", missing.stream().map(Entitlement.Key::campaignId).toArray(String[]::new))
				.bind("w", missing.stream().map(Entitlement.Key::workerId).toArray(UUID[]::new))
				.then()
				.then(select(missing))
				.map(created -> {
					Map<Entitlement.Key, Entitlement> all = new HashMap<>(locked);
					all.putAll(created);
					return all;
				});
		});
	}

	/** Locks the rows of the keys that have one, in key order. */
	private Mono<Map<Entitlement.Key, Entitlement>> select(Collection<Entitlement.Key> keys) {
		return db.sql("SELECT " + COLUMNS + " FROM entitlement WHERE (campaign_id, worker_id) IN (SELECT c, w "
				+ "FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[])) AS t(c, w)) ORDER BY campaign_id, worker_id "
				+ "FOR UPDATE")
			.bind("c", keys.stream().map(Entitlement.Key::campaignId).toArray(String[]::new))
			.bind("w", keys.stream().map(Entitlement.Key::workerId).toArray(UUID[]::new))
			.map(Entitlements::entitlement)
			.all()
			.collectMap(Entitlement::key);
	}

	/**
	 * Uses draws of locked entitlements: {@code used} draws per worker. The guard turns a miscount into a failed
	 * transaction instead of a draw beyond the entitlement.
	 */
	public Mono<Void> use(Map<Entitlement.Key, Integer> used) {
		if (used.isEmpty()) {
			return Mono.empty();
		}
		List<Entitlement.Key> keys = List.copyOf(used.keySet());
		return db.sql("UPDATE entitlement e SET draws_used = e.draws_used + u.n, updated_at = now() FROM unnest("
				+ "CAST(:c AS text[]), CAST(:w AS uuid[]), CAST(:n AS int[])) AS u(c, w, n) WHERE e.campaign_id = u.c "
				+ "AND e.worker_id = u.w AND e.draws_used + u.n <= e.draws_earned")
			.bind("c", keys.stream().map(Entitlement.Key::campaignId).toArray(String[]::new))
			.bind("w", keys.stream().map(Entitlement.Key::workerId).toArray(UUID[]::new))
			.bind("n", keys.stream().map(used::get).toArray(Integer[]::new))
			.fetch()
			.rowsUpdated()
			.flatMap(rows -> rows == keys.size() ? Mono.<Void>empty()
					: Mono.error(new IllegalStateException("Fewer draws left than used for " + (keys.size() - rows)
							+ " of " + keys.size() + " workers")));
	}

	/**
	 * Takes the draws each PointsAwarded says its worker has earned, each worker's events in the order given, from
	 * rows the caller locked; emits each worker's figures after its last event. One statement per round of the batch
	 * (one event per worker: the whole batch, unless a worker has several events in it).
	 * <p>
	 * An event with a sequence (schema 2) counts when it is newer than the last one applied, and may also lower the
	 * draws earned (an admin took points away), though never below the draws already used; an event without one
	 * (schema 1, totals only grew) raises them only.
	 */
	Mono<Map<Entitlement.Key, Entitlement>> apply(List<PointsAwarded> batch) {
		return Flux.fromIterable(Batches.rounds(batch, points -> new Entitlement.Key(points.campaignId(),
				points.workerId())))
			.concatMap(this::applyRound)
			// a later round's figures replace an earlier one's
			.collectMap(Entitlement::key);
	}

	private Flux<Entitlement> applyRound(List<PointsAwarded> round) {
		return db.sql("UPDATE entitlement e SET draws_earned = CASE WHEN u.s IS NULL THEN GREATEST(e.draws_earned, u.n) "
				+ "WHEN e.points_sequence < u.s THEN GREATEST(u.n, e.draws_used) ELSE e.draws_earned END, "
				+ "points_sequence = CASE WHEN u.s IS NULL THEN e.points_sequence ELSE GREATEST(e.points_sequence, u.s) "
				+ "END, updated_at = now() FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[]), CAST(:n AS int[]), "
				+ "CAST(:s AS bigint[])) AS u(c, w, n, s) WHERE e.campaign_id = u.c AND e.worker_id = u.w RETURNING "
				+ "e.campaign_id, e.worker_id, e.draws_earned, e.draws_used")
			.bind("c", round.stream().map(PointsAwarded::campaignId).toArray(String[]::new))
			.bind("w", round.stream().map(PointsAwarded::workerId).toArray(UUID[]::new))
			.bind("n", round.stream().map(points -> Math.max(points.drawsEarned(), 0)).toArray(Integer[]::new))
			.bind("s", round.stream().map(PointsAwarded::sequence).toArray(Long[]::new))
			.map(Entitlements::entitlement)
			.all();
	}

	private static Entitlement entitlement(Readable row) {
		return new Entitlement(row.get("campaign_id", String.class), row.get("worker_id", UUID.class),
				row.get("draws_earned", Integer.class), row.get("draws_used", Integer.class));
	}
}
