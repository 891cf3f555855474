package org.netsecweek.lottery.draw;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.r2dbc.spi.Readable;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.lottery.entitlement.Entitlement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The draws, one row per draw id. */
@Component
class Draws {

	private static final String COLUMNS = "draw_id, campaign_id, worker_id, draw_number, union_id, org_id, status, "
			+ "prize_id, prize_name, rejection_reason, seed_commitment, draw_hmac, log_hash, requested_at, received_at, "
			+ "completed_at, redemption_code";

	private final DatabaseClient db;

	Draws(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Stores new draws as they stand (pending, performed or rejected), in one statement. A draw id stored meanwhile
	 * by another transaction fails the statement (and so the caller's transaction), rather than giving a request a
	 * second outcome; the caller has checked that none is stored already.
	 */
	Mono<Void> insert(List<Draw> batch) {
		if (batch.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("INSERT INTO draw (" + COLUMNS + ") SELECT i, c, w, n, NULLIF(u, ''), NULLIF(o, ''), s, "
				+ "NULLIF(p, ''), NULLIF(pn, ''), NULLIF(r, ''), NULLIF(sc, ''), NULLIF(h, ''), NULLIF(lh, ''), "
				+ "CAST(q AS timestamptz), CAST(a AS timestamptz), CAST(NULLIF(f, '') AS timestamptz), NULLIF(rc, '') "
				+ "FROM unnest(CAST(:i AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), CAST(:n AS int[]), "
				+ "CAST(:u AS text[]), CAST(:o AS text[]), CAST(:s AS text[]), CAST(:p AS text[]), CAST(:pn AS text[]), "
				+ "CAST(:r AS text[]), CAST(:sc AS text[]), CAST(:h AS text[]), CAST(:lh AS text[]), CAST(:q AS text[]), "
				+ "CAST(:a AS text[]), CAST(:f AS text[]), CAST(:rc AS text[])) "
				+ "AS t(i, c, w, n, u, o, s, p, pn, r, sc, h, lh, q, a, f, rc) ORDER BY i")
			.bind("i", column(batch, Draw::drawId, UUID[]::new))
			.bind("c", column(batch, Draw::campaignId, String[]::new))
			.bind("w", column(batch, Draw::workerId, UUID[]::new))
			.bind("n", column(batch, Draw::drawNumber, Integer[]::new))
			.bind("u", text(batch, Draw::unionId))
			.bind("o", text(batch, Draw::orgId))
			.bind("q", text(batch, Draw::requestedAt))
			.bind("a", text(batch, Draw::receivedAt))
			.bind("rc", text(batch, Draw::redemptionCode))
			.bind("f", text(batch, Draw::completedAt))
			.bindValues(outcome(batch))
			.then();
	}

	/**
	 * Records how pending draws ended, in one statement. Fails (and so rolls back) unless every one of them was still
	 * pending.
	 */
	Mono<Void> complete(List<Draw> finished) {
		if (finished.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("UPDATE draw d SET status = t.s, prize_id = NULLIF(t.p, ''), prize_name = NULLIF(t.pn, ''), "
				+ "rejection_reason = NULLIF(t.r, ''), seed_commitment = NULLIF(t.sc, ''), draw_hmac = NULLIF(t.h, ''), "
				+ "log_hash = NULLIF(t.lh, ''), completed_at = CAST(t.f AS timestamptz), redemption_code = NULLIF(t.rc, '') "
				+ "FROM unnest(CAST(:i AS uuid[]), CAST(:s AS text[]), CAST(:p AS text[]), CAST(:pn AS text[]), "
				+ "CAST(:r AS text[]), CAST(:sc AS text[]), CAST(:h AS text[]), CAST(:lh AS text[]), CAST(:f AS text[]), "
				+ "CAST(:rc AS text[])) AS t(i, s, p, pn, r, sc, h, lh, f, rc) WHERE d.draw_id = t.i AND d.status = 'PENDING'")
			.bind("i", column(finished, Draw::drawId, UUID[]::new))
			.bind("f", text(finished, Draw::completedAt))
			.bind("rc", text(finished, Draw::redemptionCode))
			.bindValues(outcome(finished))
			.fetch()
			.rowsUpdated()
			.flatMap(rows -> rows == finished.size() ? Mono.<Void>empty()
					: Mono.error(new IllegalStateException((finished.size() - rows) + " of " + finished.size()
							+ " draws were no longer pending")));
	}

	/** The draws stored with one of the ids, and the workers' pending draws. */
	Flux<Draw> knownOrPending(Collection<UUID> drawIds, Collection<Entitlement.Key> workers) {
		return db.sql("SELECT " + COLUMNS + " FROM draw WHERE draw_id = ANY(CAST(:ids AS uuid[])) UNION SELECT " + COLUMNS
				+ " FROM draw WHERE status = 'PENDING' AND (campaign_id, worker_id) IN "
				+ "(SELECT c, w FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[])) AS t(c, w))")
			.bind("ids", drawIds.toArray(UUID[]::new))
			.bind("c", column(workers, Entitlement.Key::campaignId, String[]::new))
			.bind("w", column(workers, Entitlement.Key::workerId, UUID[]::new))
			.map(Draws::draw)
			.all();
	}

	/** Physical prizes each of the workers has won in the campaign; workers without any are left out. */
	Mono<Map<Entitlement.Key, Long>> prizesWon(Collection<Entitlement.Key> workers) {
		return db.sql("SELECT campaign_id, worker_id, count(*) AS n FROM draw WHERE status = 'PRIZE' AND "
				+ "(campaign_id, worker_id) IN (SELECT c, w FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[])) AS t(c, w)) "
				+ "GROUP BY campaign_id, worker_id")
			.bind("c", column(workers, Entitlement.Key::campaignId, String[]::new))
			.bind("w", column(workers, Entitlement.Key::workerId, UUID[]::new))
			.map(row -> Map.entry(new Entitlement.Key(row.get("campaign_id", String.class), row.get("worker_id", UUID.class)),
					row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** Pending draws received before {@code cutoff}, oldest first. Not locked: callers lock and check again. */
	Flux<Draw> pendingReceivedBefore(Instant cutoff, int limit) {
		return db.sql("SELECT " + COLUMNS + " FROM draw WHERE status = 'PENDING' AND received_at < :cutoff "
				+ "ORDER BY received_at LIMIT :limit")
			.bind("cutoff", cutoff)
			.bind("limit", limit)
			.map(Draws::draw)
			.all();
	}

	Mono<Draw> find(UUID drawId) {
		return db.sql("SELECT " + COLUMNS + " FROM draw WHERE draw_id = :drawId")
			.bind("drawId", drawId)
			.map(Draws::draw)
			.one();
	}

	private static <T, C> C[] column(Collection<T> rows, Function<T, C> value, IntFunction<C[]> array) {
		return rows.stream().map(value).toArray(array);
	}

	/** The outcome's columns: status, prize, rejection reason and proof. */
	private static Map<String, Object> outcome(List<Draw> draws) {
		return Map.of("s", column(draws, Draw::status, String[]::new), "p", text(draws, Draw::prizeId), "pn",
				text(draws, Draw::prizeName), "r", text(draws, Draw::rejectionReason), "sc",
				text(draws, draw -> draw.proof().seedCommitment()), "h", text(draws, draw -> draw.proof().drawHmac()),
				"lh", text(draws, draw -> draw.proof().logHash()));
	}

	/** A text column; empty for null (arrays of nulls do not bind), turned back by {@code NULLIF}. */
	private static <T> String[] text(Collection<T> rows, Function<T, Object> value) {
		return rows.stream().map(value).map(v -> v == null ? "" : v.toString()).toArray(String[]::new);
	}

	private static Draw draw(Readable row) {
		String status = row.get("status", String.class);
		return new Draw(row.get("draw_id", UUID.class), row.get("campaign_id", String.class),
				row.get("worker_id", UUID.class), row.get("draw_number", Integer.class), row.get("union_id", String.class),
				row.get("org_id", String.class), row.get("requested_at", Instant.class),
				row.get("received_at", Instant.class), "PENDING".equals(status) ? null : DrawOutcome.valueOf(status),
				row.get("prize_id", String.class), row.get("prize_name", String.class),
				row.get("rejection_reason", String.class),
				new Draw.Proof(row.get("seed_commitment", String.class), row.get("draw_hmac", String.class),
						row.get("log_hash", String.class)),
				row.get("completed_at", Instant.class), row.get("redemption_code", String.class));
	}
}
