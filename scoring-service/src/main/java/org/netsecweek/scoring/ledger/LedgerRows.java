package org.netsecweek.scoring.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.scoring.ledger.BookingPlan.Booking;
import org.netsecweek.scoring.ledger.BookingPlan.WorkerKey;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's entries and totals and the processed-event records, written a batch at
 * a time: each method is one statement over arrays ({@code unnest}), however many events the batch holds. Runs in
 * the caller's transaction.
 */
@Component
class LedgerRows {

	private final DatabaseClient db;

	LedgerRows(DatabaseClient db) {
		this.db = db;
	}

	/** Records the events as processed by {@code consumer}; emits the ids that were new. */
	Mono<Set<UUID>> claim(String consumer, Collection<UUID> eventIds) {
		return db.sql("WITH claimed AS (INSERT INTO processed_event (consumer, event_id) SELECT :consumer, id "
				+ "FROM unnest(CAST(:ids AS uuid[])) AS t(id) ORDER BY id ON CONFLICT DO NOTHING RETURNING event_id) "
				+ "SELECT array_agg(event_id) AS ids FROM claimed")
			.bind("consumer", consumer)
			.bind("ids", eventIds.stream().sorted().toArray(UUID[]::new))
			.map(row -> Columns.set(row.get("ids", UUID[].class)))
			.one();
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
		return db.sql("WITH t AS (INSERT INTO points_total (campaign_id, worker_id, total, sequence, union_id, org_id) "
				+ "SELECT c, w, p, n, NULLIF(u, ''), NULLIF(o, '') FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:p AS int[]), CAST(:n AS bigint[]), CAST(:u AS text[]), CAST(:o AS text[])) AS t(c, w, p, n, u, o) "
				+ "ORDER BY w, c ON CONFLICT (campaign_id, worker_id) DO UPDATE SET "
				+ "total = points_total.total + EXCLUDED.total, sequence = points_total.sequence + EXCLUDED.sequence, "
				+ "union_id = EXCLUDED.union_id, org_id = EXCLUDED.org_id, updated_at = now() "
				+ "RETURNING campaign_id, worker_id, total, sequence) SELECT array_agg(campaign_id) AS c, "
				+ "array_agg(worker_id) AS w, array_agg(total) AS t, array_agg(sequence) AS s FROM t")
			.bind("c", Columns.of(workers, WorkerKey::campaignId, String[]::new))
			.bind("w", Columns.of(workers, WorkerKey::workerId, UUID[]::new))
			.bind("p", Columns.of(workers, w -> byWorker.get(w).stream().mapToInt(Booking::points).sum(), Integer[]::new))
			.bind("n", Columns.of(workers, w -> (long) byWorker.get(w).size(), Long[]::new))
			.bind("u", Columns.of(last, b -> Columns.orEmpty(b.answer().unionId()), String[]::new))
			.bind("o", Columns.of(last, b -> Columns.orEmpty(b.answer().orgId()), String[]::new))
			.map(row -> {
				String[] c = row.get("c", String[].class);
				UUID[] w = row.get("w", UUID[].class);
				Integer[] t = row.get("t", Integer[].class);
				Long[] n = row.get("s", Long[].class);
				Map<WorkerKey, long[]> totals = new HashMap<>();
				for (int x = 0; x < c.length; x++) {
					totals.put(new WorkerKey(c[x], w[x]), new long[] { t[x], n[x] });
				}
				return totals;
			})
			.one()
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
			.bind("c", Columns.of(booked, b -> b.answer().campaignId(), String[]::new))
			.bind("w", Columns.of(booked, b -> b.answer().workerId(), UUID[]::new))
			.bind("a", Columns.of(booked, b -> b.answer().attemptId(), UUID[]::new))
			.bind("d", Columns.of(booked, b -> b.answer().campaignDay().toString(), String[]::new))
			.bind("p", Columns.of(booked, b -> b.booking().points(), Integer[]::new))
			.bind("k", Columns.of(booked, b -> b.answer().correctCount(), Integer[]::new))
			.bind("q", Columns.of(booked, b -> b.answer().questionCount(), Integer[]::new))
			.bind("r", Columns.of(booked, b -> b.booking().reason(), String[]::new))
			.bind("t", Columns.of(booked, Booked::totalAfter, Integer[]::new))
			.bind("s", Columns.of(booked, Booked::sequence, Long[]::new))
			.then();
	}

	/**
	 * Restores an admin adjustment from its PointsAwarded (the rebuild): the points go on the worker's total (one
	 * sequence step) and into an ADJUSTMENT entry with the total after it.
	 */
	Mono<Void> restoreAdjustment(PointsAwarded adjustment, String madeBy, String reason) {
		// a deduction cannot go through INSERT … ON CONFLICT: the proposed row (a negative total) fails the check
		// before the conflict is found. So: the row first, then the change.
		return db.sql("INSERT INTO points_total (campaign_id, worker_id, total, sequence) VALUES (:c, :w, 0, 0) "
				+ "ON CONFLICT DO NOTHING")
			.bind("c", adjustment.campaignId())
			.bind("w", adjustment.workerId())
			.then()
			.then(db.sql("UPDATE points_total SET total = total + :p, sequence = sequence + 1, updated_at = now() "
					+ "WHERE campaign_id = :c AND worker_id = :w RETURNING total, sequence")
				.bind("c", adjustment.campaignId())
				.bind("w", adjustment.workerId())
				.bind("p", adjustment.points())
				.map(row -> new long[] { row.get("total", Integer.class), row.get("sequence", Long.class) })
				.one())
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

	/** A booking written to the ledger, with the worker's total and sequence right after it. */
	record Booked(Booking booking, int totalAfter, long sequence) {

		AnswerSubmitted answer() {
			return booking.answer();
		}
	}
}
