package org.netsecweek.lottery.draw;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.netsecweek.events.lottery.DrawOutcome;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
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

	/** Stores a new draw; emits {@code false} when the draw id is known already, which then has no effect. */
	Mono<Boolean> insert(Draw draw) {
		GenericExecuteSpec insert = db.sql("INSERT INTO draw (" + COLUMNS + ") VALUES (:drawId, :campaign, :worker, "
				+ ":drawNumber, :union, :org, :status, :prizeId, :prizeName, :reason, :commitment, :hmac, :logHash, "
				+ ":requestedAt, :receivedAt, :completedAt, :code) ON CONFLICT (draw_id) DO NOTHING")
			.bind("drawId", draw.drawId())
			.bind("campaign", draw.campaignId())
			.bind("worker", draw.workerId())
			.bind("drawNumber", draw.drawNumber())
			.bind("requestedAt", draw.requestedAt())
			.bind("receivedAt", draw.receivedAt());
		insert = nullable(insert, "union", draw.unionId(), String.class);
		insert = nullable(insert, "org", draw.orgId(), String.class);
		return withOutcome(insert, draw).fetch().rowsUpdated().map(rows -> rows == 1);
	}

	/** Records how a pending draw ended. Fails (and so rolls back) unless the draw was still pending. */
	Mono<Void> complete(Draw draw) {
		GenericExecuteSpec update = db.sql("UPDATE draw SET status = :status, prize_id = :prizeId, "
				+ "prize_name = :prizeName, rejection_reason = :reason, seed_commitment = :commitment, draw_hmac = :hmac, "
				+ "log_hash = :logHash, completed_at = :completedAt, redemption_code = :code WHERE draw_id = :drawId AND status = 'PENDING'")
			.bind("drawId", draw.drawId());
		return withOutcome(update, draw).fetch()
			.rowsUpdated()
			.flatMap(rows -> rows == 1 ? Mono.<Void>empty()
					: Mono.error(new IllegalStateException("Draw " + draw.drawId() + " was no longer pending")));
	}

	/** A worker's pending draws in request order: by draw number, then arrival. */
	Flux<Draw> pending(String campaignId, UUID workerId, int limit) {
		return db.sql("SELECT " + COLUMNS + " FROM draw WHERE campaign_id = :campaign AND worker_id = :worker "
				+ "AND status = 'PENDING' ORDER BY draw_number, received_at, draw_id LIMIT :limit")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.bind("limit", limit)
			.map(Draws::draw)
			.all();
	}

	/** Physical prizes the worker has won in the campaign. */
	Mono<Long> prizesWon(String campaignId, UUID workerId) {
		return db.sql("SELECT count(*) AS n FROM draw WHERE campaign_id = :campaign AND worker_id = :worker "
				+ "AND status = 'PRIZE'")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.map(row -> row.get("n", Long.class))
			.one();
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

	private static GenericExecuteSpec withOutcome(GenericExecuteSpec spec, Draw draw) {
		spec = spec.bind("status", draw.status());
		spec = nullable(spec, "prizeId", draw.prizeId(), String.class);
		spec = nullable(spec, "prizeName", draw.prizeName(), String.class);
		spec = nullable(spec, "reason", draw.rejectionReason(), String.class);
		spec = nullable(spec, "commitment", draw.proof().seedCommitment(), String.class);
		spec = nullable(spec, "hmac", draw.proof().drawHmac(), String.class);
		spec = nullable(spec, "logHash", draw.proof().logHash(), String.class);
		spec = nullable(spec, "code", draw.redemptionCode(), String.class);
		return nullable(spec, "completedAt", draw.completedAt(), Instant.class);
	}

	private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
		return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
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
