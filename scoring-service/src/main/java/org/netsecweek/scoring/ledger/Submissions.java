package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.scoring.ledger.BookingPlan.DayKey;
import org.netsecweek.scoring.ledger.BookingPlan.Reject;
import org.netsecweek.scoring.ledger.BookingPlan.State;
import org.netsecweek.scoring.ledger.BookingPlan.WorkerKey;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The submission log (every attempt of a known campaign, once, at the event's time), the answers not booked because
 * they broke a rule, and what the booking rules read back: a batch at a time, in the caller's transaction.
 */
@Component
class Submissions {

	private final DatabaseClient db;

	Submissions(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Logs the submissions, once per attempt id; emits the attempt ids that were new. A concurrent transaction
	 * logging the same attempt waits for this one and then finds it logged: the attempt is decided once.
	 */
	Mono<Set<UUID>> log(List<AnswerSubmitted> answers) {
		if (answers.isEmpty()) {
			return Mono.just(Set.of());
		}
		return db.sql("WITH logged AS (INSERT INTO submission (attempt_id, campaign_id, worker_id, occurred_at) "
				+ "SELECT a, c, w, "
				+ "CAST(t AS timestamptz) FROM unnest(CAST(:a AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:t AS text[])) AS u(a, c, w, t) ON CONFLICT DO NOTHING RETURNING attempt_id) "
				+ "SELECT array_agg(attempt_id) AS a FROM logged")
			.bind("a", Columns.of(answers, AnswerSubmitted::attemptId, UUID[]::new))
			.bind("c", Columns.of(answers, AnswerSubmitted::campaignId, String[]::new))
			.bind("w", Columns.of(answers, AnswerSubmitted::workerId, UUID[]::new))
			.bind("t", Columns.of(answers, a -> a.occurredAt().toString(), String[]::new))
			.map(row -> Columns.set(row.get("a", UUID[].class)))
			.one();
	}

	/**
	 * What the ledger holds for these events' workers: the attempt booked for each of their days, and their
	 * submissions since {@code from} other than those of {@code logged} (this batch's).
	 */
	Mono<State> state(List<AnswerSubmitted> events, Instant from, Set<UUID> logged) {
		String[] campaigns = events.stream().map(AnswerSubmitted::campaignId).toArray(String[]::new);
		UUID[] workers = events.stream().map(AnswerSubmitted::workerId).toArray(UUID[]::new);
		State state = State.empty();
		Mono<Void> days = db.sql("SELECT array_agg(e.campaign_id) AS c, array_agg(e.worker_id) AS w, "
				+ "array_agg(CAST(e.campaign_day AS text)) AS d, array_agg(e.attempt_id) AS a FROM ledger_entry e "
				+ "JOIN (SELECT DISTINCT c, w FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[])) AS k(c, w)) AS k "
				+ "ON e.campaign_id = k.c AND e.worker_id = k.w WHERE e.kind = 'ATTEMPT'")
			.bind("c", campaigns)
			.bind("w", workers)
			.map(row -> {
				String[] c = row.get("c", String[].class);
				UUID[] w = row.get("w", UUID[].class);
				String[] d = row.get("d", String[].class);
				UUID[] a = row.get("a", UUID[].class);
				for (int i = 0; c != null && i < c.length; i++) {
					state.bookedDays().put(new DayKey(c[i], w[i], LocalDate.parse(d[i])), a[i]);
				}
				return true;
			})
			.one()
			.then();
		Mono<Void> recent = db.sql("SELECT array_agg(campaign_id) AS c, array_agg(worker_id) AS w, "
				+ "array_agg(attempt_id) AS a, array_agg(CAST(extract(epoch FROM occurred_at) * 1000000 AS bigint)) AS t "
				+ "FROM submission WHERE worker_id = ANY(CAST(:w AS uuid[])) AND occurred_at > :from")
			.bind("w", Arrays.stream(workers).distinct().toArray(UUID[]::new))
			.bind("from", from)
			.map(row -> {
				String[] c = row.get("c", String[].class);
				UUID[] w = row.get("w", UUID[].class);
				UUID[] a = row.get("a", UUID[].class);
				Long[] t = row.get("t", Long[].class);
				for (int i = 0; c != null && i < c.length; i++) {
					if (!logged.contains(a[i])) {
						state.submitted().computeIfAbsent(new WorkerKey(c[i], w[i]), k -> new ArrayList<>())
							.add(Instant.EPOCH.plus(t[i], ChronoUnit.MICROS));
					}
				}
				return true;
			})
			.one()
			.then();
		return days.then(recent).thenReturn(state);
	}

	Mono<Void> reject(List<Reject> rejects) {
		if (rejects.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("INSERT INTO rejected_answer (event_id, campaign_id, worker_id, attempt_id, reason) "
				+ "SELECT * FROM unnest(CAST(:e AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:a AS uuid[]), CAST(:r AS text[])) ON CONFLICT DO NOTHING")
			.bind("e", Columns.of(rejects, r -> r.answer().eventId(), UUID[]::new))
			.bind("c", Columns.of(rejects, r -> r.answer().campaignId(), String[]::new))
			.bind("w", Columns.of(rejects, r -> r.answer().workerId(), UUID[]::new))
			.bind("a", Columns.of(rejects, r -> r.answer().attemptId(), UUID[]::new))
			.bind("r", Columns.of(rejects, Reject::reason, String[]::new))
			.then();
	}
}
