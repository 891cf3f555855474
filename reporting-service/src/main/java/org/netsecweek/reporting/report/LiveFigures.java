package org.netsecweek.reporting.report;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The figures from the counters kept beside the facts: a handful of small tables read in one statement (one round
 * trip, one connection), so live progress answers in milliseconds however many workers took part. Offline
 * activities are few and read as they are.
 */
@Component
class LiveFigures {

	/** Every counter row as (kind, union, day, key, category, a, b, c, d). */
	static final String COUNTERS = """
			SELECT 'union' AS kind, union_id, NULL::date AS day, NULL AS key, NULL AS category,
			       workers_covered AS a, organisations_by_quiz AS b, draws AS c, prizes AS d
			FROM union_tally WHERE campaign_id = :campaign
			UNION ALL
			SELECT 'day', union_id, campaign_day, NULL, NULL, attempts, organisations_by_quiz, correct_answers,
			       questions_answered
			FROM union_day_tally WHERE campaign_id = :campaign
			UNION ALL
			SELECT 'offline-only', o.union_id, NULL, NULL, NULL, count(DISTINCT o.org_id), 0, 0, 0
			FROM offline_activity o
			WHERE o.campaign_id = :campaign AND NOT EXISTS (SELECT 1 FROM org_tally t
			    WHERE t.campaign_id = o.campaign_id AND t.org_id = o.org_id)
			GROUP BY o.union_id
			UNION ALL
			SELECT 'offline-only-day', o.union_id, o.activity_date, NULL, NULL, count(DISTINCT o.org_id), 0, 0, 0
			FROM offline_activity o
			WHERE o.campaign_id = :campaign AND NOT EXISTS (SELECT 1 FROM org_day_tally t
			    WHERE t.campaign_id = o.campaign_id AND t.org_id = o.org_id AND t.campaign_day = o.activity_date)
			GROUP BY o.union_id, o.activity_date
			UNION ALL
			SELECT 'offline', union_id, activity_date, NULL, NULL, count(*), sum(participants), 0, 0
			FROM offline_activity WHERE campaign_id = :campaign GROUP BY union_id, activity_date
			UNION ALL
			SELECT 'question', union_id, NULL, question_id, category, answered, correct, 0, 0
			FROM question_tally WHERE campaign_id = :campaign""";

	private final DatabaseClient db;

	LiveFigures(DatabaseClient db) {
		this.db = db;
	}

	Mono<Figures> of(String campaignId) {
		Figures figures = new Figures();
		return db.sql(COUNTERS).bind("campaign", campaignId).map(row -> {
			Figures.OfUnion union = figures.union(row.get("union_id", String.class));
			LocalDate date = row.get("day", LocalDate.class);
			long a = ((Number) row.get("a")).longValue();
			long b = ((Number) row.get("b")).longValue();
			switch (row.get("kind", String.class)) {
				case "union" -> {
					union.workersCovered = a;
					union.organisationsActive += b;
					union.draws = ((Number) row.get("c")).longValue();
					union.prizesGiven = ((Number) row.get("d")).longValue();
				}
				case "day" -> {
					Figures.OfDay day = union.day(date);
					day.attempts = a;
					day.organisationsActive += b;
					day.correctAnswers = ((Number) row.get("c")).longValue();
					day.questionsAnswered = ((Number) row.get("d")).longValue();
				}
				case "offline-only" -> union.organisationsActive += a;
				case "offline-only-day" -> union.day(date).organisationsActive += a;
				case "offline" -> {
					Figures.OfDay day = union.day(date);
					day.offlineActivities = a;
					day.offlineParticipants = b;
				}
				case "question" -> union.question(row.get("key", String.class), row.get("category", String.class), a, b);
				default -> throw new IllegalStateException("unknown counter kind");
			}
			return 1;
		}).all().then(Mono.fromSupplier(() -> figures));
	}
}
