package org.netsecweek.quiz.attempt;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.outbox.Outbox;
import org.netsecweek.quiz.paper.CampaignDay;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Stored attempts, one per worker and campaign day (a unique key in the database, not a check in memory). */
@Component
class Attempts {

	private final DatabaseClient db;

	private final Outbox outbox;

	private final JsonMapper json;

	Attempts(DatabaseClient db, Outbox outbox, JsonMapper json) {
		this.db = db;
		this.outbox = outbox;
		this.json = json;
	}

	/**
	 * Stores the attempt and its event, unless the worker already has an attempt that day; emits whether it was
	 * stored. One statement: the hot path of the morning rush.
	 */
	Mono<Boolean> add(UUID worker, String idempotencyKey, GradedAttempt graded, Instant submittedAt,
			AnswerSubmitted event) {
		return outbox.appendIfChanged("INSERT INTO attempt (id, campaign_id, worker_id, campaign_day, idempotency_key, "
				+ "correct_count, question_count, graded, submitted_at) VALUES (:id, :campaign, :worker, :day, :key, "
				+ ":correct, :questions, :graded, :at) ON CONFLICT (campaign_id, worker_id, campaign_day) DO NOTHING "
				+ "RETURNING id",
				Map.of("id", graded.attemptId(), "campaign", graded.campaignId(), "worker", worker, "day", graded.day(),
						"key", idempotencyKey, "correct", graded.correctCount(), "questions", graded.questionCount(),
						"graded", json.writeValueAsString(graded), "at", submittedAt),
				event);
	}

	/** The worker's attempt of that day with the key it was submitted under. */
	Mono<Stored> find(CampaignDay day, UUID worker) {
		return db.sql("SELECT idempotency_key, graded FROM attempt WHERE campaign_id = :campaign "
				+ "AND worker_id = :worker AND campaign_day = :day")
			.bind("campaign", day.campaignId())
			.bind("worker", worker)
			.bind("day", day.day())
			.map(row -> new Stored(row.get("idempotency_key", String.class),
					json.readValue(row.get("graded", String.class), GradedAttempt.class)))
			.one();
	}

	record Stored(String idempotencyKey, GradedAttempt graded) {
	}
}
