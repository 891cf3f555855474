package org.netsecweek.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The figures from the counters kept beside the facts: a handful of small tables, read concurrently, so live
 * progress answers in milliseconds however many workers took part. Offline activities are few and read as they are.
 */
@Component
class LiveFigures {

	private final DatabaseClient db;

	LiveFigures(DatabaseClient db) {
		this.db = db;
	}

	Mono<Figures> of(String campaignId) {
		Figures figures = new Figures();
		return Mono
			.zip(read(campaignId, "SELECT union_id, workers_covered, organisations_by_quiz, draws, prizes FROM union_tally "
					+ "WHERE campaign_id = :campaign", row -> {
						String unionId = row.get("union_id", String.class);
						long workers = row.get("workers_covered", Long.class);
						long organisations = row.get("organisations_by_quiz", Long.class);
						long draws = row.get("draws", Long.class);
						long prizes = row.get("prizes", Long.class);
						return (Figures f) -> {
							Figures.OfUnion union = f.union(unionId);
							union.workersCovered = workers;
							union.organisationsActive += organisations;
							union.draws = draws;
							union.prizesGiven = prizes;
						};
					}),
					read(campaignId, "SELECT union_id, campaign_day, attempts, organisations_by_quiz, correct_answers, "
							+ "questions_answered FROM union_day_tally WHERE campaign_id = :campaign", row -> {
								String union = row.get("union_id", String.class);
								LocalDate date = row.get("campaign_day", LocalDate.class);
								long attempts = row.get("attempts", Long.class);
								long organisations = row.get("organisations_by_quiz", Long.class);
								long correct = row.get("correct_answers", Long.class);
								long questions = row.get("questions_answered", Long.class);
								return (Figures f) -> {
									Figures.OfDay day = f.union(union).day(date);
									day.attempts = attempts;
									day.organisationsActive += organisations;
									day.correctAnswers = correct;
									day.questionsAnswered = questions;
								};
							}),
					// organisations active by an offline activity only: none of their workers took the quiz
					read(campaignId, """
							SELECT o.union_id, count(DISTINCT o.org_id) AS n FROM offline_activity o
							WHERE o.campaign_id = :campaign AND NOT EXISTS (SELECT 1 FROM org_tally t
							    WHERE t.campaign_id = o.campaign_id AND t.org_id = o.org_id)
							GROUP BY o.union_id""", row -> {
						String union = row.get("union_id", String.class);
						long n = row.get("n", Long.class);
						return (Figures f) -> f.union(union).organisationsActive += n;
					}),
					// per day: organisations with an offline activity that day and no quiz that day
					read(campaignId, """
							SELECT o.union_id, o.activity_date, count(DISTINCT o.org_id) AS n FROM offline_activity o
							WHERE o.campaign_id = :campaign AND NOT EXISTS (SELECT 1 FROM org_day_tally t
							    WHERE t.campaign_id = o.campaign_id AND t.org_id = o.org_id
							      AND t.campaign_day = o.activity_date)
							GROUP BY o.union_id, o.activity_date""", row -> {
						String union = row.get("union_id", String.class);
						LocalDate date = row.get("activity_date", LocalDate.class);
						long n = row.get("n", Long.class);
						return (Figures f) -> f.union(union).day(date).organisationsActive += n;
					}),
					read(campaignId, "SELECT union_id, activity_date, count(*) AS n, sum(participants) AS participants "
							+ "FROM offline_activity WHERE campaign_id = :campaign GROUP BY union_id, activity_date", row -> {
								String union = row.get("union_id", String.class);
								LocalDate date = row.get("activity_date", LocalDate.class);
								long n = ((Number) row.get("n")).longValue();
								long participants = ((Number) row.get("participants")).longValue();
								return (Figures f) -> {
									Figures.OfDay day = f.union(union).day(date);
									day.offlineActivities = n;
									day.offlineParticipants = participants;
								};
							}),
					read(campaignId, "SELECT union_id, question_id, category, answered, correct FROM question_tally "
							+ "WHERE campaign_id = :campaign", row -> {
								String union = row.get("union_id", String.class);
								String question = row.get("question_id", String.class);
								String category = row.get("category", String.class);
								long answered = row.get("answered", Long.class);
								long correct = row.get("correct", Long.class);
								return (Figures f) -> f.union(union).question(question, category, answered, correct);
							}))
			.map(all -> {
				// applied on one thread, in one order, after every query answered
				for (Object changes : all.toList()) {
					for (Object change : (List<?>) changes) {
						@SuppressWarnings("unchecked")
						Consumer<Figures> apply = (Consumer<Figures>) change;
						apply.accept(figures);
					}
				}
				return figures;
			});
	}

	private Mono<List<Consumer<Figures>>> read(String campaignId, String sql,
			Function<Readable, Consumer<Figures>> change) {
		return db.sql(sql).bind("campaign", campaignId).map(change).all().collectList();
	}
}
