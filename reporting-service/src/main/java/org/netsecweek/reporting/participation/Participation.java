package org.netsecweek.reporting.participation;

import java.util.List;
import java.util.UUID;

import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.events.lottery.DrawOutcome;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Records the participation facts from events. Each fact keeps the event's own time ({@code occurred_at}) and the
 * time it arrived ({@code recorded_at}); its counters change in the same transaction (see {@link Tallies}).
 */
@Component
class Participation {

	private final DatabaseClient db;

	Participation(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records that the worker took part on the paper's own campaign day (not the day it is processed), with the
	 * per-question results. A repeat of the worker's day, by any event id, changes nothing.
	 */
	Mono<Void> recordAnswer(AnswerSubmitted answer, Tallies tallies) {
		var results = answer.results();
		// the worker counts as covered the first time a fact of theirs is new: one statement for both rows
		return db.sql("""
				WITH fact AS (
				    INSERT INTO participation_fact (campaign_id, worker_id, campaign_day, union_id, org_id, attempt_id,
				        correct_count, question_count, occurred_at, question_ids, categories, correct)
				    VALUES (:campaign, :worker, :day, :union, :org, :attempt, :correct, :questions, :occurredAt,
				        :questionIds, :categories, :results) ON CONFLICT DO NOTHING RETURNING campaign_id),
				covered AS (
				    INSERT INTO covered_worker (campaign_id, worker_id, union_id, org_id)
				    SELECT campaign_id, :worker, :union, :org FROM fact ON CONFLICT DO NOTHING RETURNING worker_id)
				SELECT (SELECT count(*) FROM fact) AS facts, (SELECT count(*) FROM covered) AS covered""")
			.bind("campaign", answer.campaignId())
			.bind("worker", answer.workerId())
			.bind("day", answer.campaignDay())
			.bind("union", answer.unionId())
			.bind("org", answer.orgId())
			.bind("attempt", answer.attemptId())
			.bind("correct", answer.correctCount())
			.bind("questions", answer.questionCount())
			.bind("occurredAt", answer.occurredAt())
			.bind("questionIds", results.stream().map(AnswerSubmitted.QuestionResult::questionId).toArray(String[]::new))
			.bind("categories", results.stream().map(r -> r.category() == null ? "" : r.category())
				.toArray(String[]::new))
			.bind("results", results.stream().map(AnswerSubmitted.QuestionResult::correct).toArray(Boolean[]::new))
			.map(row -> new long[] { row.get("facts", Long.class), row.get("covered", Long.class) })
			.one()
			.doOnNext(rows -> {
				if (rows[0] == 1) {
					tallies.answer(answer, rows[1] == 1);
				}
			})
			.then();
	}

	/**
	 * Records the union and organisation of a requested draw. If the draw's outcome is already known, the draw now
	 * counts for that union.
	 */
	Mono<Void> recordDrawRequest(DrawRequested request, Tallies tallies) {
		return db.sql("""
				INSERT INTO draw_fact (draw_id, campaign_id, worker_id, union_id, org_id, request_recorded_at)
				VALUES (:draw, :campaign, :worker, :union, :org, now())
				ON CONFLICT (draw_id) DO UPDATE SET union_id = EXCLUDED.union_id, org_id = EXCLUDED.org_id,
				    request_recorded_at = EXCLUDED.request_recorded_at
				WHERE draw_fact.union_id IS NULL
				RETURNING outcome""")
			.bind("draw", request.drawId())
			.bind("campaign", request.campaignId())
			.bind("worker", request.workerId())
			.bind("union", request.unionId())
			.bind("org", request.orgId())
			.map(row -> row.get("outcome", String.class) == null ? "" : row.get("outcome", String.class))
			.one()
			.doOnNext(outcome -> {
				tallies.recorded("draw-request", request.campaignId());
				if (!outcome.isEmpty()) {
					tallies.draw(request.campaignId(), request.unionId(), DrawOutcome.valueOf(outcome));
				}
			})
			.then();
	}

	/**
	 * Records a completed draw, once per draw id. If its request is already known, the draw now counts for the
	 * union the request named.
	 */
	Mono<Void> recordDraw(DrawCompleted draw, Tallies tallies) {
		var insert = db.sql("""
				INSERT INTO draw_fact (draw_id, campaign_id, worker_id, outcome, prize_id, occurred_at,
				    completed_recorded_at)
				VALUES (:draw, :campaign, :worker, :outcome, :prize, :occurredAt, now())
				ON CONFLICT (draw_id) DO UPDATE SET outcome = EXCLUDED.outcome, prize_id = EXCLUDED.prize_id,
				    occurred_at = EXCLUDED.occurred_at, completed_recorded_at = EXCLUDED.completed_recorded_at
				WHERE draw_fact.outcome IS NULL
				RETURNING coalesce(union_id, '') AS union_id""")
			.bind("draw", draw.drawId())
			.bind("campaign", draw.campaignId())
			.bind("worker", draw.workerId())
			.bind("outcome", draw.outcome().name())
			.bind("occurredAt", draw.occurredAt());
		insert = draw.prizeId() == null ? insert.bindNull("prize", String.class) : insert.bind("prize", draw.prizeId());
		return insert.map(row -> row.get("union_id", String.class)).one().doOnNext(union -> {
			tallies.recorded("draw", draw.campaignId());
			if (!union.isEmpty()) {
				tallies.draw(draw.campaignId(), union, draw.outcome());
			}
		}).then();
	}

	/**
	 * Records changes of workers' points, in one statement: once per attempt for a booked attempt, once per event for
	 * a change without an attempt (an admin adjustment).
	 */
	Mono<Void> recordPoints(List<PointsAwarded> points, Tallies tallies) {
		return db.sql("""
				INSERT INTO points_fact (source_id, attempt_id, campaign_id, worker_id, campaign_day, points, occurred_at)
				SELECT s, a, c, w, CAST(d AS date), p, CAST(o AS timestamptz) FROM unnest(CAST(:s AS uuid[]),
				    CAST(:a AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), CAST(:d AS text[]), CAST(:p AS int[]),
				    CAST(:o AS text[])) AS t(s, a, c, w, d, p, o)
				ON CONFLICT DO NOTHING RETURNING campaign_id""")
			.bind("s", points.stream().map(p -> p.attemptId() != null ? p.attemptId() : p.eventId()).toArray(UUID[]::new))
			.bind("a", points.stream().map(PointsAwarded::attemptId).toArray(UUID[]::new))
			.bind("c", points.stream().map(PointsAwarded::campaignId).toArray(String[]::new))
			.bind("w", points.stream().map(PointsAwarded::workerId).toArray(UUID[]::new))
			.bind("d", points.stream().map(p -> p.campaignDay().toString()).toArray(String[]::new))
			.bind("p", points.stream().map(PointsAwarded::points).toArray(Integer[]::new))
			.bind("o", points.stream().map(p -> p.occurredAt().toString()).toArray(String[]::new))
			.map(row -> row.get("campaign_id", String.class))
			.all()
			.doOnNext(campaign -> tallies.recorded("points", campaign))
			.then();
	}
}
