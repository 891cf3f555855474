package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
		return db.sql("INSERT INTO submission (attempt_id, campaign_id, worker_id, occurred_at) SELECT a, c, w, "
				+ "CAST(t AS timestamptz) FROM unnest(CAST(:a AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:t AS text[])) AS u(a, c, w, t) ON CONFLICT DO NOTHING RETURNING attempt_id")
			.bind("a", Columns.of(answers, AnswerSubmitted::attemptId, UUID[]::new))
			.bind("c", Columns.of(answers, AnswerSubmitted::campaignId, String[]::new))
			.bind("w", Columns.of(answers, AnswerSubmitted::workerId, UUID[]::new))
			.bind("t", Columns.of(answers, a -> a.occurredAt().toString(), String[]::new))
			.map(row -> row.get("attempt_id", UUID.class))
			.all()
			.collect(Collectors.toSet());
	}

	/**
	 * What the ledger holds for these events' workers: the attempt booked for each of their days, and their
	 * submissions since {@code from} other than those of {@code logged} (this batch's).
	 */
	Mono<State> state(List<AnswerSubmitted> events, Instant from, Set<UUID> logged) {
		String[] campaigns = events.stream().map(AnswerSubmitted::campaignId).toArray(String[]::new);
		UUID[] workers = events.stream().map(AnswerSubmitted::workerId).toArray(UUID[]::new);
		State state = State.empty();
		Mono<Void> days = db.sql("SELECT e.campaign_id, e.worker_id, e.campaign_day, e.attempt_id FROM ledger_entry e "
				+ "JOIN (SELECT DISTINCT c, w FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[])) AS k(c, w)) AS k "
				+ "ON e.campaign_id = k.c AND e.worker_id = k.w WHERE e.kind = 'ATTEMPT'")
			.bind("c", campaigns)
			.bind("w", workers)
			.map(row -> Map.entry(new DayKey(row.get("campaign_id", String.class), row.get("worker_id", UUID.class),
					row.get("campaign_day", java.time.LocalDate.class)), row.get("attempt_id", UUID.class)))
			.all()
			.doOnNext(entry -> state.bookedDays().put(entry.getKey(), entry.getValue()))
			.then();
		Mono<Void> recent = db.sql("SELECT campaign_id, worker_id, attempt_id, occurred_at FROM submission "
				+ "WHERE worker_id = ANY(CAST(:w AS uuid[])) AND occurred_at > :from")
			.bind("w", Arrays.stream(workers).distinct().toArray(UUID[]::new))
			.bind("from", from)
			.map(row -> logged.contains(row.get("attempt_id", UUID.class)) ? Map.<WorkerKey, Instant>of()
					: Map.of(new WorkerKey(row.get("campaign_id", String.class), row.get("worker_id", UUID.class)),
							row.get("occurred_at", Instant.class)))
			.all()
			.doOnNext(found -> found.forEach((worker, at) -> state.submitted()
				.computeIfAbsent(worker, k -> new ArrayList<>())
				.add(at)))
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
