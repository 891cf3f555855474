package org.netsecweek.scoring.ledger;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * The points ledger. Books an attempt's points by the campaign's rules, keeps the worker's total equal to the sum
 * of their entries, and announces the new total, all in the caller's transaction.
 */
@Component
class Ledger {

	private static final Logger log = LoggerFactory.getLogger(Ledger.class);

	private final DatabaseClient db;

	private final Campaigns campaigns;

	private final Outbox outbox;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ReviewSettings review;

	private final HeldAttempts held;

	Ledger(DatabaseClient db, Campaigns campaigns, Outbox outbox, Clock clock, MeterRegistry meters,
			ReviewSettings review, HeldAttempts held) {
		this.db = db;
		this.campaigns = campaigns;
		this.outbox = outbox;
		this.clock = clock;
		this.meters = meters;
		this.review = review;
		this.held = held;
	}

	Mono<Void> book(AnswerSubmitted answer) {
		CampaignDefinition campaign = campaigns.find(answer.campaignId()).orElse(null);
		if (campaign == null) {
			return reject(answer, "unknown-campaign");
		}
		String broken = brokenRule(answer, campaign.rules());
		if (broken != null) {
			return reject(answer, broken);
		}
		String suspicion = review.suspicion(answer.answeringMillis(), answer.questionCount());
		if (suspicion != null) {
			meters.counter("answers.held", "campaign", answer.campaignId()).increment();
			return held.hold(answer, suspicion);
		}
		return bookChecked(answer, campaign, "");
	}

	/** Books an attempt an admin released after review; {@code note} goes into the entry's reason. */
	Mono<Void> bookReleased(AnswerSubmitted answer, String note) {
		CampaignDefinition campaign = campaigns.get(answer.campaignId());
		return bookChecked(answer, campaign, "（复核放行：" + note + "）");
	}

	private Mono<Void> bookChecked(AnswerSubmitted answer, CampaignDefinition campaign, String note) {
		int points = answer.correctCount() * campaign.rules().pointsPerCorrectAnswer();
		return insertEntry(answer, points, note).flatMap(inserted -> inserted ? addToTotal(answer, points, campaign)
				: alreadyBookedOrSecondAttempt(answer));
	}

	Flux<LedgerEntry> entries(String campaignId, UUID workerId) {
		return db.sql("SELECT attempt_id, campaign_day, points, reason, booked_at FROM ledger_entry "
				+ "WHERE campaign_id = :campaign AND worker_id = :worker ORDER BY campaign_day")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.map(row -> new LedgerEntry(row.get("attempt_id", UUID.class),
					row.get("campaign_day", java.time.LocalDate.class), row.get("points", Integer.class),
					row.get("reason", String.class), row.get("booked_at", java.time.Instant.class)))
			.all();
	}

	Mono<Integer> total(String campaignId, UUID workerId) {
		return db.sql("SELECT total FROM points_total WHERE campaign_id = :campaign AND worker_id = :worker")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.map(row -> row.get("total", Integer.class))
			.one()
			.defaultIfEmpty(0);
	}

	private static String brokenRule(AnswerSubmitted answer, CampaignDefinition.Rules rules) {
		if (answer.correctCount() < 0 || answer.questionCount() <= 0) {
			return "negative-counts";
		}
		if (answer.correctCount() > answer.questionCount()) {
			return "more-correct-than-questions";
		}
		if (answer.questionCount() > rules.questionsPerPaper()) {
			return "more-questions-than-a-paper";
		}
		return null;
	}

	private Mono<Boolean> insertEntry(AnswerSubmitted answer, int points, String note) {
		return db.sql("INSERT INTO ledger_entry (campaign_id, worker_id, attempt_id, campaign_day, points, "
				+ "correct_count, question_count, reason) VALUES (:campaign, :worker, :attempt, :day, :points, "
				+ ":correct, :questions, :reason) ON CONFLICT DO NOTHING")
			.bind("campaign", answer.campaignId())
			.bind("worker", answer.workerId())
			.bind("attempt", answer.attemptId())
			.bind("day", answer.campaignDay())
			.bind("points", points)
			.bind("correct", answer.correctCount())
			.bind("questions", answer.questionCount())
			.bind("reason", answer.campaignDay() + " 答题 " + answer.correctCount() + "/" + answer.questionCount()
					+ " 题正确" + note)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	private Mono<Void> addToTotal(AnswerSubmitted answer, int points, CampaignDefinition campaign) {
		return db.sql("INSERT INTO points_total (campaign_id, worker_id, total, sequence, union_id, org_id) "
				+ "VALUES (:campaign, :worker, :points, 1, :union, :org) "
				+ "ON CONFLICT (campaign_id, worker_id) DO UPDATE SET total = points_total.total + EXCLUDED.total, "
				+ "sequence = points_total.sequence + 1, union_id = EXCLUDED.union_id, org_id = EXCLUDED.org_id, "
				+ "updated_at = now() RETURNING total, sequence")
			.bind("campaign", answer.campaignId())
			.bind("union", Parameter.fromOrEmpty(answer.unionId(), String.class))
			.bind("org", Parameter.fromOrEmpty(answer.orgId(), String.class))
			.bind("worker", answer.workerId())
			.bind("points", points)
			.map(row -> new Total(row.get("total", Integer.class), row.get("sequence", Long.class)))
			.one()
			.flatMap(total -> db.sql("UPDATE ledger_entry SET total_after = :total, sequence = :sequence "
					+ "WHERE attempt_id = :attempt")
				.bind("total", total.points())
				.bind("sequence", total.sequence())
				.bind("attempt", answer.attemptId())
				.then()
				.thenReturn(total))
			.flatMap(total -> outbox.append(new PointsAwarded(UUID.randomUUID(), clock.instant(), answer.campaignId(),
					PointsAwarded.SCHEMA_VERSION, answer.workerId(), answer.attemptId(), answer.campaignDay(), points,
					total.points(), campaign.rules().drawsEarned(total.points()), total.sequence(), null)))
			.doOnSuccess(done -> meters.counter("points.booked", "campaign", answer.campaignId()).increment(points));
	}

	/** The insert hit a unique key: the same attempt again (no effect), or a second attempt that day (a rule). */
	private Mono<Void> alreadyBookedOrSecondAttempt(AnswerSubmitted answer) {
		return db.sql("SELECT 1 FROM ledger_entry WHERE attempt_id = :attempt")
			.bind("attempt", answer.attemptId())
			.map(row -> true)
			.one()
			.hasElement()
			.flatMap(sameAttempt -> sameAttempt ? Mono.empty() : reject(answer, "second-attempt-same-day"));
	}

	private Mono<Void> reject(AnswerSubmitted answer, String reason) {
		log.warn("Not booking attempt {} of campaign {}: {}", answer.attemptId(), answer.campaignId(), reason);
		meters.counter("answers.rejected", "reason", reason).increment();
		return db.sql("INSERT INTO rejected_answer (event_id, campaign_id, worker_id, attempt_id, reason) "
				+ "VALUES (:event, :campaign, :worker, :attempt, :reason) ON CONFLICT DO NOTHING")
			.bind("event", answer.eventId())
			.bind("campaign", answer.campaignId())
			.bind("worker", answer.workerId())
			.bind("attempt", answer.attemptId())
			.bind("reason", reason)
			.then();
	}

	/** A worker's total after a change, and the change's sequence number. */
	private record Total(int points, long sequence) {
	}
}
