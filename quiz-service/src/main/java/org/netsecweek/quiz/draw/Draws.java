package org.netsecweek.quiz.draw;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.outbox.Outbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The draws workers asked for, one per worker and draw number. */
@Component
class Draws {

	private static final String COLUMNS = "draw_id, draw_number, status, prize_id, prize_name, reason, requested_at, "
			+ "completed_at, redemption_code";

	private final DatabaseClient db;

	private final Outbox outbox;

	Draws(DatabaseClient db, Outbox outbox) {
		this.db = db;
		this.outbox = outbox;
	}

	/**
	 * Stores the request and its event unless the worker already has a draw with that number; emits whether it was
	 * stored.
	 */
	Mono<Boolean> add(String campaignId, UUID worker, WorkerDraw draw, DrawRequested event) {
		return outbox.appendIfChanged("INSERT INTO draw (draw_id, campaign_id, worker_id, draw_number, status, "
				+ "requested_at) VALUES (:id, :campaign, :worker, :number, :status, :at) ON CONFLICT DO NOTHING "
				+ "RETURNING draw_id",
				Map.of("id", draw.drawId(), "campaign", campaignId, "worker", worker, "number", draw.drawNumber(),
						"status", draw.status(), "at", draw.requestedAt()),
				event);
	}

	Mono<WorkerDraw> byNumber(String campaignId, UUID worker, int number) {
		return db.sql("SELECT " + COLUMNS + " FROM draw WHERE campaign_id = :campaign AND worker_id = :worker "
				+ "AND draw_number = :number")
			.bind("campaign", campaignId)
			.bind("worker", worker)
			.bind("number", number)
			.map(Draws::read)
			.one();
	}

	Mono<WorkerDraw> byId(UUID worker, UUID drawId) {
		return db.sql("SELECT " + COLUMNS + " FROM draw WHERE draw_id = :id AND worker_id = :worker")
			.bind("id", drawId)
			.bind("worker", worker)
			.map(Draws::read)
			.one();
	}

	Flux<WorkerDraw> all(String campaignId, UUID worker) {
		return db.sql("SELECT " + COLUMNS + " FROM draw WHERE campaign_id = :campaign AND worker_id = :worker "
				+ "ORDER BY draw_number")
			.bind("campaign", campaignId)
			.bind("worker", worker)
			.map(Draws::read)
			.all();
	}

	/**
	 * Records lottery-service's answer, with the prize's redemption code (schema 2; none from schema 1); a draw
	 * already answered keeps its first outcome.
	 */
	Mono<Long> complete(DrawCompleted completed) {
		return db.sql("UPDATE draw SET status = :status, prize_id = :prizeId, prize_name = :prizeName, "
				+ "reason = :reason, completed_at = :at, redemption_code = :code WHERE draw_id = :id "
				+ "AND status = 'PENDING'")
			.bind("status", completed.outcome().name())
			.bind("prizeId", nullable(completed.prizeId()))
			.bind("prizeName", nullable(completed.prizeName()))
			.bind("reason", nullable(completed.rejectionReason()))
			.bind("code", nullable(completed.redemptionCode()))
			.bind("at", completed.occurredAt())
			.bind("id", completed.drawId())
			.fetch()
			.rowsUpdated();
	}

	private static org.springframework.r2dbc.core.Parameter nullable(String value) {
		return org.springframework.r2dbc.core.Parameter.fromOrEmpty(value, String.class);
	}

	private static WorkerDraw read(Readable row) {
		return new WorkerDraw(row.get("draw_id", UUID.class), row.get("draw_number", Integer.class),
				row.get("status", String.class), row.get("prize_id", String.class), row.get("prize_name", String.class),
				row.get("reason", String.class), row.get("requested_at", Instant.class),
				row.get("completed_at", Instant.class), row.get("redemption_code", String.class));
	}
}
