package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.scoring.ledger.BookingPlan.Hold;
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

	/** Holds attempts for review, with the event that brought them; released ones are recorded as decided. */
	Mono<Void> hold(List<Hold> holds, String releasedBy, String releasedWhy) {
		if (holds.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("INSERT INTO held_attempt (attempt_id, campaign_id, worker_id, union_id, reason, event, decision, "
				+ "decided_by, decided_why, decided_at) SELECT a, c, w, NULLIF(u, ''), r, e, "
				+ "CASE WHEN d THEN 'RELEASED' END, CASE WHEN d THEN :by END, CASE WHEN d THEN :why END, "
				+ "CASE WHEN d THEN now() END FROM unnest(CAST(:a AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:u AS text[]), CAST(:r AS text[]), CAST(:e AS text[]), CAST(:d AS boolean[])) "
				+ "AS t(a, c, w, u, r, e, d) ON CONFLICT DO NOTHING")
			.bind("a", Columns.of(holds, h -> h.answer().attemptId(), UUID[]::new))
			.bind("c", Columns.of(holds, h -> h.answer().campaignId(), String[]::new))
			.bind("w", Columns.of(holds, h -> h.answer().workerId(), UUID[]::new))
			.bind("u", Columns.of(holds, h -> Columns.orEmpty(h.answer().unionId()), String[]::new))
			.bind("r", Columns.of(holds, Hold::reason, String[]::new))
			.bind("e", Columns.of(holds, h -> json.writeValueAsString(h.answer()), String[]::new))
			.bind("d", Columns.of(holds, Hold::released, Boolean[]::new))
			.bind("by", releasedBy)
			.bind("why", releasedWhy)
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
