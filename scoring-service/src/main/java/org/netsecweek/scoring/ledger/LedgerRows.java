package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.scoring.ledger.BookingPlan.Booking;
import org.netsecweek.scoring.ledger.BookingPlan.DayKey;
import org.netsecweek.scoring.ledger.BookingPlan.Hold;
import org.netsecweek.scoring.ledger.BookingPlan.Reject;
import org.netsecweek.scoring.ledger.BookingPlan.State;
import org.netsecweek.scoring.ledger.BookingPlan.WorkerKey;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's tables, read and written a batch at a time: each method is one statement over arrays
 * ({@code unnest}), however many events the batch holds. Runs in the caller's transaction.
 */
@Component
class LedgerRows {

	private final DatabaseClient db;

	private final JsonMapper json;

	LedgerRows(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** Records the events as processed by {@code consumer}; emits the ids that were new. */
	Mono<Set<UUID>> claim(String consumer, Collection<UUID> eventIds) {
		return db.sql("INSERT INTO processed_event (consumer, event_id) SELECT :consumer, id "
				+ "FROM unnest(CAST(:ids AS uuid[])) AS t(id) ORDER BY id ON CONFLICT DO NOTHING RETURNING event_id")
			.bind("consumer", consumer)
			.bind("ids", eventIds.stream().sorted().toArray(UUID[]::new))
			.map(row -> row.get("event_id", UUID.class))
			.all()
			.collect(Collectors.toSet());
	}

	/**
	 * Logs the submissions, once per attempt id; emits the attempt ids that were new. A concurrent transaction
	 * logging the same attempt waits for this one and then finds it logged: the attempt is decided once.
	 */
	Mono<Set<UUID>> logSubmissions(List<AnswerSubmitted> answers) {
		if (answers.isEmpty()) {
			return Mono.just(Set.of());
		}
		return db.sql("INSERT INTO submission (attempt_id, campaign_id, worker_id, occurred_at) SELECT a, c, w, "
				+ "CAST(t AS timestamptz) FROM unnest(CAST(:a AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:t AS text[])) AS u(a, c, w, t) ON CONFLICT DO NOTHING RETURNING attempt_id")
			.bind("a", array(answers, AnswerSubmitted::attemptId, UUID[]::new))
			.bind("c", array(answers, AnswerSubmitted::campaignId, String[]::new))
			.bind("w", array(answers, AnswerSubmitted::workerId, UUID[]::new))
			.bind("t", array(answers, a -> a.occurredAt().toString(), String[]::new))
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

	Mono<Void> recordRejects(List<Reject> rejects) {
		if (rejects.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("INSERT INTO rejected_answer (event_id, campaign_id, worker_id, attempt_id, reason) "
				+ "SELECT * FROM unnest(CAST(:e AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:a AS uuid[]), CAST(:r AS text[])) ON CONFLICT DO NOTHING")
			.bind("e", array(rejects, r -> r.answer().eventId(), UUID[]::new))
			.bind("c", array(rejects, r -> r.answer().campaignId(), String[]::new))
			.bind("w", array(rejects, r -> r.answer().workerId(), UUID[]::new))
			.bind("a", array(rejects, r -> r.answer().attemptId(), UUID[]::new))
			.bind("r", array(rejects, Reject::reason, String[]::new))
			.then();
	}

	/** Holds attempts for review, with the event that brought them; released ones are recorded as decided. */
	Mono<Void> recordHolds(List<Hold> holds, String releasedBy, String releasedWhy) {
		if (holds.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("INSERT INTO held_attempt (attempt_id, campaign_id, worker_id, union_id, reason, event, decision, "
				+ "decided_by, decided_why, decided_at) SELECT a, c, w, NULLIF(u, ''), r, e, "
				+ "CASE WHEN d THEN 'RELEASED' END, CASE WHEN d THEN :by END, CASE WHEN d THEN :why END, "
				+ "CASE WHEN d THEN now() END FROM unnest(CAST(:a AS uuid[]), CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:u AS text[]), CAST(:r AS text[]), CAST(:e AS text[]), CAST(:d AS boolean[])) "
				+ "AS t(a, c, w, u, r, e, d) ON CONFLICT DO NOTHING")
			.bind("a", array(holds, h -> h.answer().attemptId(), UUID[]::new))
			.bind("c", array(holds, h -> h.answer().campaignId(), String[]::new))
			.bind("w", array(holds, h -> h.answer().workerId(), UUID[]::new))
			.bind("u", array(holds, h -> orEmpty(h.answer().unionId()), String[]::new))
			.bind("r", array(holds, Hold::reason, String[]::new))
			.bind("e", array(holds, h -> json.writeValueAsString(h.answer()), String[]::new))
			.bind("d", array(holds, Hold::released, Boolean[]::new))
			.bind("by", releasedBy)
			.bind("why", releasedWhy)
			.then();
	}

	/**
	 * Adds the bookings to their workers' totals (one row lock and one sequence step per booking) and writes their
	 * entries with the total and sequence right after each, in the order given.
	 */
	Mono<List<Booked>> book(List<Booking> bookings) {
		if (bookings.isEmpty()) {
			return Mono.just(List.of());
		}
		Map<WorkerKey, List<Booking>> byWorker = new LinkedHashMap<>();
		bookings.forEach(b -> byWorker.computeIfAbsent(b.worker(), k -> new ArrayList<>()).add(b));
		List<WorkerKey> workers = new ArrayList<>(byWorker.keySet());
		List<Booking> last = workers.stream().map(w -> byWorker.get(w).get(byWorker.get(w).size() - 1)).toList();
		return db.sql("INSERT INTO points_total (campaign_id, worker_id, total, sequence, union_id, org_id) "
				+ "SELECT c, w, p, n, NULLIF(u, ''), NULLIF(o, '') FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:p AS int[]), CAST(:n AS bigint[]), CAST(:u AS text[]), CAST(:o AS text[])) AS t(c, w, p, n, u, o) "
				+ "ORDER BY w, c ON CONFLICT (campaign_id, worker_id) DO UPDATE SET "
				+ "total = points_total.total + EXCLUDED.total, sequence = points_total.sequence + EXCLUDED.sequence, "
				+ "union_id = EXCLUDED.union_id, org_id = EXCLUDED.org_id, updated_at = now() "
				+ "RETURNING campaign_id, worker_id, total, sequence")
			.bind("c", array(workers, WorkerKey::campaignId, String[]::new))
			.bind("w", array(workers, WorkerKey::workerId, UUID[]::new))
			.bind("p", array(workers, w -> byWorker.get(w).stream().mapToInt(Booking::points).sum(), Integer[]::new))
			.bind("n", array(workers, w -> (long) byWorker.get(w).size(), Long[]::new))
			.bind("u", array(last, b -> orEmpty(b.answer().unionId()), String[]::new))
			.bind("o", array(last, b -> orEmpty(b.answer().orgId()), String[]::new))
			.map(row -> Map.entry(new WorkerKey(row.get("campaign_id", String.class), row.get("worker_id", UUID.class)),
					new long[] { row.get("total", Integer.class), row.get("sequence", Long.class) }))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
			.map(totals -> afterEach(byWorker, totals))
			.flatMap(booked -> insertEntries(booked).thenReturn(booked));
	}

	/** Each booking's total and sequence, counted back from the worker's total after the whole batch. */
	private static List<Booked> afterEach(Map<WorkerKey, List<Booking>> byWorker, Map<WorkerKey, long[]> totals) {
		List<Booked> booked = new ArrayList<>();
		byWorker.forEach((worker, list) -> {
			long[] after = totals.get(worker);
			long total = after[0] - list.stream().mapToInt(Booking::points).sum();
			long sequence = after[1] - list.size();
			for (Booking booking : list) {
				total += booking.points();
				sequence++;
				booked.add(new Booked(booking, (int) total, sequence));
			}
		});
		return booked;
	}

	private Mono<Void> insertEntries(List<Booked> booked) {
		return db.sql("INSERT INTO ledger_entry (campaign_id, worker_id, attempt_id, campaign_day, points, "
				+ "correct_count, question_count, reason, total_after, sequence) SELECT c, w, a, CAST(d AS date), p, k, q, "
				+ "r, t, s FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[]), CAST(:a AS uuid[]), CAST(:d AS text[]), "
				+ "CAST(:p AS int[]), CAST(:k AS int[]), CAST(:q AS int[]), CAST(:r AS text[]), CAST(:t AS int[]), "
				+ "CAST(:s AS bigint[])) AS u(c, w, a, d, p, k, q, r, t, s)")
			.bind("c", array(booked, b -> b.answer().campaignId(), String[]::new))
			.bind("w", array(booked, b -> b.answer().workerId(), UUID[]::new))
			.bind("a", array(booked, b -> b.answer().attemptId(), UUID[]::new))
			.bind("d", array(booked, b -> b.answer().campaignDay().toString(), String[]::new))
			.bind("p", array(booked, b -> b.booking().points(), Integer[]::new))
			.bind("k", array(booked, b -> b.answer().correctCount(), Integer[]::new))
			.bind("q", array(booked, b -> b.answer().questionCount(), Integer[]::new))
			.bind("r", array(booked, b -> b.booking().reason(), String[]::new))
			.bind("t", array(booked, Booked::totalAfter, Integer[]::new))
			.bind("s", array(booked, Booked::sequence, Long[]::new))
			.then();
	}

	/**
	 * Appends the PointsAwarded events to the outbox in one statement, in booking order. The rows are exactly what
	 * the platform's {@code Outbox.append} writes (columns of its V0_1 table); the platform has no batch append.
	 */
	Mono<Void> announce(List<PointsAwarded> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("INSERT INTO outbox (event_id, topic, message_key, event_type, payload) SELECT e, :topic, k, "
				+ ":type, p FROM unnest(CAST(:e AS uuid[]), CAST(:k AS text[]), CAST(:p AS text[])) AS t(e, k, p)")
			.bind("topic", Topics.POINTS_AWARDED)
			.bind("type", PointsAwarded.class.getSimpleName())
			.bind("e", array(events, PointsAwarded::eventId, UUID[]::new))
			.bind("k", array(events, e -> e.workerId().toString(), String[]::new))
			.bind("p", array(events, json::writeValueAsString, String[]::new))
			.then();
	}

	/**
	 * Restores an admin adjustment from its PointsAwarded (the rebuild): the points go on the worker's total (one
	 * sequence step) and into an ADJUSTMENT entry with the total after it.
	 */
	Mono<Void> restoreAdjustment(PointsAwarded adjustment, String madeBy, String reason) {
		return db.sql("INSERT INTO points_total (campaign_id, worker_id, total, sequence) VALUES (:c, :w, :p, 1) "
				+ "ON CONFLICT (campaign_id, worker_id) DO UPDATE SET total = points_total.total + EXCLUDED.total, "
				+ "sequence = points_total.sequence + 1, updated_at = now() RETURNING total, sequence")
			.bind("c", adjustment.campaignId())
			.bind("w", adjustment.workerId())
			.bind("p", adjustment.points())
			.map(row -> new long[] { row.get("total", Integer.class), row.get("sequence", Long.class) })
			.one()
			.flatMap(after -> db.sql("INSERT INTO ledger_entry (kind, campaign_id, worker_id, adjustment_id, campaign_day, "
					+ "points, reason, made_by, total_after, sequence) VALUES ('ADJUSTMENT', :c, :w, :a, :d, :p, :r, :by, "
					+ ":t, :s)")
				.bind("c", adjustment.campaignId())
				.bind("w", adjustment.workerId())
				.bind("a", adjustment.adjustmentId())
				.bind("d", adjustment.campaignDay())
				.bind("p", adjustment.points())
				.bind("r", reason)
				.bind("by", madeBy)
				.bind("t", (int) after[0])
				.bind("s", after[1])
				.then());
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static <T, R> R[] array(List<T> items, Function<T, R> field, java.util.function.IntFunction<R[]> type) {
		return items.stream().map(field).toArray(type);
	}

	/** A booking written to the ledger, with the worker's total and sequence right after it. */
	record Booked(Booking booking, int totalAfter, long sequence) {

		AnswerSubmitted answer() {
			return booking.answer();
		}
	}
}
