package org.netsecweek.reporting.report;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The figures from the counters kept beside the facts: a handful of small tables, so live progress answers in
 * milliseconds however many workers took part. Offline activities are few and read as they are.
 */
@Component
class LiveFigures {

	private final DatabaseClient db;

	LiveFigures(DatabaseClient db) {
		this.db = db;
	}

	Mono<Figures> of(String campaignId) {
		Figures figures = new Figures();
		return unions(campaignId, figures).then(days(campaignId, figures))
			.then(offlineOnlyOrganisations(campaignId, figures))
			.then(offlineOnlyOrganisationDays(campaignId, figures))
			.then(Offline.activities(db, campaignId, null, figures))
			.then(questions(campaignId, figures))
			.thenReturn(figures);
	}

	private Mono<Void> unions(String campaignId, Figures figures) {
		return db.sql("SELECT union_id, workers_covered, organisations_by_quiz, draws, prizes FROM union_tally "
				+ "WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> {
				Figures.OfUnion union = figures.union(row.get("union_id", String.class));
				union.workersCovered = row.get("workers_covered", Long.class);
				union.organisationsActive += row.get("organisations_by_quiz", Long.class);
				union.draws = row.get("draws", Long.class);
				union.prizesGiven = row.get("prizes", Long.class);
				return union;
			})
			.all()
			.then();
	}

	private Mono<Void> days(String campaignId, Figures figures) {
		return db.sql("SELECT union_id, campaign_day, attempts, organisations_by_quiz, correct_answers, "
				+ "questions_answered FROM union_day_tally WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> {
				Figures.OfDay day = figures.union(row.get("union_id", String.class))
					.day(row.get("campaign_day", LocalDate.class));
				day.attempts = row.get("attempts", Long.class);
				day.organisationsActive += row.get("organisations_by_quiz", Long.class);
				day.correctAnswers = row.get("correct_answers", Long.class);
				day.questionsAnswered = row.get("questions_answered", Long.class);
				return day;
			})
			.all()
			.then();
	}

	/** Organisations active by an offline activity only: no worker of theirs took the quiz. */
	private Mono<Void> offlineOnlyOrganisations(String campaignId, Figures figures) {
		return db.sql("""
				SELECT o.union_id, count(DISTINCT o.org_id) AS n FROM offline_activity o
				WHERE o.campaign_id = :campaign AND NOT EXISTS (SELECT 1 FROM org_tally t
				    WHERE t.campaign_id = o.campaign_id AND t.org_id = o.org_id)
				GROUP BY o.union_id""")
			.bind("campaign", campaignId)
			.map(row -> figures.union(row.get("union_id", String.class)).organisationsActive += row.get("n", Long.class))
			.all()
			.then();
	}

	/** Per day: organisations with an offline activity that day and no quiz that day. */
	private Mono<Void> offlineOnlyOrganisationDays(String campaignId, Figures figures) {
		return db.sql("""
				SELECT o.union_id, o.activity_date, count(DISTINCT o.org_id) AS n FROM offline_activity o
				WHERE o.campaign_id = :campaign AND NOT EXISTS (SELECT 1 FROM org_day_tally t
				    WHERE t.campaign_id = o.campaign_id AND t.org_id = o.org_id AND t.campaign_day = o.activity_date)
				GROUP BY o.union_id, o.activity_date""")
			.bind("campaign", campaignId)
			.map(row -> figures.union(row.get("union_id", String.class))
				.day(row.get("activity_date", LocalDate.class)).organisationsActive += row.get("n", Long.class))
			.all()
			.then();
	}

	private Mono<Void> questions(String campaignId, Figures figures) {
		return db.sql("SELECT union_id, question_id, category, answered, correct FROM question_tally "
				+ "WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> {
				figures.union(row.get("union_id", String.class))
					.question(row.get("question_id", String.class), row.get("category", String.class),
							row.get("answered", Long.class), row.get("correct", Long.class));
				return 1;
			})
			.all()
			.then();
	}
}
