package org.netsecweek.reporting.participation;

import java.util.Map;
import java.util.function.Function;

import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.quiz.AnswerSubmitted;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The participation facts: recorded from events, tallied per union for progress and the report. */
@Component
public class Participation {

	/**
	 * Per union: the facts themselves, and draws attributed through each worker's latest participation, because
	 * DrawCompleted carries no union. A draw of a worker with no participation yet is counted once one arrives.
	 */
	private static final String TALLIES = """
			WITH facts AS (SELECT * FROM participation_fact WHERE campaign_id = :campaign),
			     worker_union AS (SELECT DISTINCT ON (worker_id) worker_id, union_id FROM facts
			                      ORDER BY worker_id, campaign_day DESC),
			     draws AS (SELECT w.union_id, count(*) FILTER (WHERE d.outcome <> 'REJECTED') AS draws,
			                      count(*) FILTER (WHERE d.outcome = 'PRIZE') AS prizes
			               FROM draw_fact d JOIN worker_union w ON w.worker_id = d.worker_id
			               WHERE d.campaign_id = :campaign GROUP BY w.union_id)
			SELECT f.union_id, count(DISTINCT f.org_id) AS organisations, count(DISTINCT f.worker_id) AS workers,
			       count(*) AS attempts, coalesce(max(d.draws), 0) AS draws, coalesce(max(d.prizes), 0) AS prizes
			FROM facts f LEFT JOIN draws d ON d.union_id = f.union_id
			GROUP BY f.union_id
			""";

	private final DatabaseClient db;

	Participation(DatabaseClient db) {
		this.db = db;
	}

	/** Each union's tally in the campaign, by union id; unions without participation are absent. */
	public Mono<Map<String, UnionTally>> tallies(String campaignId) {
		return db.sql(TALLIES)
			.bind("campaign", campaignId)
			.map(row -> new UnionTally(row.get("union_id", String.class), count(row.get("organisations")),
					count(row.get("workers")), count(row.get("attempts")), count(row.get("draws")),
					count(row.get("prizes"))))
			.all()
			.collectMap(UnionTally::unionId, Function.identity());
	}

	/**
	 * Records that the worker took part on the paper's own campaign day (not the day it is processed). Emits
	 * whether it is new: a repeat of the worker's day, by any event id, is not.
	 */
	Mono<Boolean> recordAnswer(AnswerSubmitted answer) {
		return db.sql("INSERT INTO participation_fact (campaign_id, worker_id, campaign_day, union_id, org_id, "
				+ "attempt_id, correct_count, question_count, occurred_at) VALUES (:campaign, :worker, :day, :union, "
				+ ":org, :attempt, :correct, :questions, :occurredAt) ON CONFLICT DO NOTHING")
			.bind("campaign", answer.campaignId())
			.bind("worker", answer.workerId())
			.bind("day", answer.campaignDay())
			.bind("union", answer.unionId())
			.bind("org", answer.orgId())
			.bind("attempt", answer.attemptId())
			.bind("correct", answer.correctCount())
			.bind("questions", answer.questionCount())
			.bind("occurredAt", answer.occurredAt())
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	/** Records a completed draw, once per draw id. Emits whether it is new. */
	Mono<Boolean> recordDraw(DrawCompleted draw) {
		var insert = db.sql("INSERT INTO draw_fact (draw_id, campaign_id, worker_id, outcome, prize_id, occurred_at) "
				+ "VALUES (:draw, :campaign, :worker, :outcome, :prize, :occurredAt) ON CONFLICT DO NOTHING")
			.bind("draw", draw.drawId())
			.bind("campaign", draw.campaignId())
			.bind("worker", draw.workerId())
			.bind("outcome", draw.outcome().name())
			.bind("occurredAt", draw.occurredAt());
		insert = draw.prizeId() == null ? insert.bindNull("prize", String.class) : insert.bind("prize", draw.prizeId());
		return insert.fetch().rowsUpdated().map(rows -> rows == 1);
	}

	private static long count(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}
}
