package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.util.UUID;

import org.netsecweek.events.quiz.AnswerSubmitted;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/** Attempts held for review, with the event that brought them, so a release books exactly what was submitted. */
@Component
class HeldAttempts {

	private final DatabaseClient db;

	private final JsonMapper json;

	HeldAttempts(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Mono<Void> hold(AnswerSubmitted answer, String reason) {
		return db.sql("INSERT INTO held_attempt (attempt_id, campaign_id, worker_id, union_id, reason, event) "
				+ "VALUES (:attempt, :campaign, :worker, :union, :reason, :event) ON CONFLICT DO NOTHING")
			.bind("attempt", answer.attemptId())
			.bind("campaign", answer.campaignId())
			.bind("worker", answer.workerId())
			.bind("union", Parameter.fromOrEmpty(answer.unionId(), String.class))
			.bind("reason", reason)
			.bind("event", json.writeValueAsString(answer))
			.then();
	}

	/** Open holds of a campaign (of one union, or all for {@code null}), oldest first. */
	Flux<Held> open(String campaignId, String unionId) {
		return db.sql("SELECT attempt_id, worker_id, union_id, reason, held_at FROM held_attempt WHERE campaign_id = :c "
				+ "AND decision IS NULL AND (CAST(:u AS text) IS NULL OR union_id = :u) ORDER BY held_at")
			.bind("c", campaignId)
			.bind("u", Parameter.fromOrEmpty(unionId, String.class))
			.map(row -> new Held(row.get("attempt_id", UUID.class), row.get("worker_id", UUID.class),
					row.get("union_id", String.class), row.get("reason", String.class), row.get("held_at", Instant.class)))
			.all();
	}

	/** The held event, locked for the decision, if the attempt is held and undecided. */
	Mono<AnswerSubmitted> lockUndecided(UUID attemptId) {
		return db.sql("SELECT event FROM held_attempt WHERE attempt_id = :a AND decision IS NULL FOR UPDATE")
			.bind("a", attemptId)
			.map(row -> json.readValue(row.get("event", String.class), AnswerSubmitted.class))
			.one();
	}

	Mono<Void> decide(UUID attemptId, String decision, String by, String why) {
		return db.sql("UPDATE held_attempt SET decision = :d, decided_by = :by, decided_why = :why, decided_at = now() "
				+ "WHERE attempt_id = :a")
			.bind("d", decision)
			.bind("by", by)
			.bind("why", why)
			.bind("a", attemptId)
			.then();
	}

	/**
	 * An attempt waiting for review.
	 *
	 * @param reason why it was held
	 */
	record Held(UUID attemptId, UUID workerId, String unionId, String reason, Instant heldAt) {
	}
}
