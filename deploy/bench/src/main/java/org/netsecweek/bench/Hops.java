package org.netsecweek.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.HdrHistogram.Histogram;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Where the journey's two end-to-end delays go, read from the services' own tables after a run: the time each
 * attempt's and each draw's events spent at each hop (an outbox, Kafka and a consumer, the next outbox, Kafka and
 * quiz's consumer). Timestamps are PostgreSQL's {@code now()} (a transaction's start) or the service's clock, so a
 * hop that includes a transaction ends when that transaction began.
 */
final class Hops {

	static final List<String> POINTS = List.of("a quiz outbox: stored → sent", "b answer-submitted → scoring booked",
			"c scoring outbox: booked → sent", "d points-awarded → quiz balance", "submitted → balance (sum)");

	static final List<String> DRAWS = List.of("e quiz outbox: draw stored → sent",
			"f draw-requested → lottery received", "g lottery: received → drawn", "h lottery outbox: drawn → sent",
			"i draw-completed → quiz outcome", "requested → outcome stored (sum)");

	private Hops() {
	}

	/** Each hop of submit → points, over the attempts submitted in {@code [from, to)}; microseconds. */
	static Map<String, Histogram> points(Instant from, Instant to, DatabaseClient quiz, DatabaseClient scoring) {
		Map<UUID, Instant[]> attempts = stored(quiz, "attempt", "id", "submitted_at", "AnswerSubmitted", "attemptId",
				from, to, POINTS.size());
		Map<UUID, Instant[]> byEvent = announced(scoring, "PointsAwarded", "attemptId", attempts, 3);
		processed(quiz, "updateBalance", byEvent, 4);
		return histograms(POINTS, attempts);
	}

	/** Each hop of draw → outcome, over the draws asked for in {@code [from, to)}; microseconds. */
	static Map<String, Histogram> draws(Instant from, Instant to, DatabaseClient quiz, DatabaseClient lottery) {
		Map<UUID, Instant[]> draws = stored(quiz, "draw", "draw_id", "requested_at", "DrawRequested", "drawId", from, to,
				DRAWS.size());
		if (!draws.isEmpty()) {
			lottery.sql("SELECT draw_id, received_at, completed_at FROM draw WHERE draw_id = ANY(:ids)")
				.bind("ids", draws.keySet().toArray(UUID[]::new))
				.map(row -> {
					Instant[] times = draws.get(row.get("draw_id", UUID.class));
					times[2] = row.get("received_at", Instant.class);
					times[3] = row.get("completed_at", Instant.class);
					return true;
				})
				.all()
				.blockLast(Duration.ofMinutes(1));
		}
		// the DrawCompleted row's created_at is the draw's transaction again: hop h runs from completed_at to sent_at
		Map<UUID, Instant[]> byEvent = announced(lottery, "DrawCompleted", "drawId", draws, 4);
		processed(quiz, "recordDrawOutcome", byEvent, 5);
		return histograms(DRAWS, draws);
	}

	/**
	 * Reads the rows of quiz's {@code table} stored in {@code [from, to)} with when the outbox sent the event
	 * announcing each: timestamps 0 and 1 of a row's {@code hops} timestamps, by the row's id.
	 */
	private static Map<UUID, Instant[]> stored(DatabaseClient quiz, String table, String id, String storedAt,
			String type, String key, Instant from, Instant to, int hops) {
		Map<UUID, Instant[]> rows = new HashMap<>();
		quiz.sql("SELECT t." + id + " AS row_id, t." + storedAt + " AS stored_at, o.sent_at FROM " + table + " t "
				+ "JOIN outbox o ON o.event_type = :type AND (o.payload::jsonb ->> '" + key + "')::uuid = t." + id
				+ " WHERE t." + storedAt + " >= :from AND t." + storedAt + " < :to")
			.bind("type", type)
			.bind("from", from)
			.bind("to", to)
			.map(row -> {
				Instant[] times = new Instant[hops];
				times[0] = row.get("stored_at", Instant.class);
				times[1] = row.get("sent_at", Instant.class);
				rows.put(row.get("row_id", UUID.class), times);
				return true;
			})
			.all()
			.blockLast(Duration.ofMinutes(1));
		return rows;
	}

	/**
	 * Reads when the next service's outbox sent the event announcing each row ({@code index}: its sent_at) and
	 * returns the rows by that event's id.
	 */
	private static Map<UUID, Instant[]> announced(DatabaseClient db, String type, String key, Map<UUID, Instant[]> rows,
			int index) {
		Map<UUID, Instant[]> byEvent = new HashMap<>();
		if (rows.isEmpty()) {
			return byEvent;
		}
		db.sql("SELECT (payload::jsonb ->> '" + key + "')::uuid AS row_id, event_id, created_at, sent_at FROM outbox "
				+ "WHERE event_type = :type AND (payload::jsonb ->> '" + key + "')::uuid = ANY(:ids)")
			.bind("type", type)
			.bind("ids", rows.keySet().toArray(UUID[]::new))
			.map(row -> {
				Instant[] times = rows.get(row.get("row_id", UUID.class));
				if (times[index - 1] == null) {
					times[index - 1] = row.get("created_at", Instant.class);
				}
				times[index] = row.get("sent_at", Instant.class);
				byEvent.put(row.get("event_id", UUID.class), times);
				return true;
			})
			.all()
			.blockLast(Duration.ofMinutes(1));
		return byEvent;
	}

	/** Reads when quiz's {@code consumer} applied each event ({@code index}). */
	private static void processed(DatabaseClient quiz, String consumer, Map<UUID, Instant[]> byEvent, int index) {
		if (byEvent.isEmpty()) {
			return;
		}
		quiz.sql("SELECT event_id, processed_at FROM processed_event WHERE consumer = :consumer AND event_id = ANY(:ids)")
			.bind("consumer", consumer)
			.bind("ids", byEvent.keySet().toArray(UUID[]::new))
			.map(row -> {
				byEvent.get(row.get("event_id", UUID.class))[index] = row.get("processed_at", Instant.class);
				return true;
			})
			.all()
			.blockLast(Duration.ofMinutes(1));
	}

	/** Hop k runs from timestamp k to k + 1; the last name is the whole way. Rows missing a timestamp are left out. */
	private static Map<String, Histogram> histograms(List<String> names, Map<UUID, Instant[]> rows) {
		Map<String, Histogram> hops = new LinkedHashMap<>();
		names.forEach(name -> hops.put(name, new Histogram(3)));
		int last = names.size() - 1;
		for (Instant[] times : rows.values()) {
			if (Arrays.asList(times).contains(null)) {
				continue;
			}
			for (int hop = 0; hop < last; hop++) {
				hops.get(names.get(hop)).recordValue(micros(times[hop], times[hop + 1]));
			}
			hops.get(names.get(last)).recordValue(micros(times[0], times[last]));
		}
		return hops;
	}

	private static long micros(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toNanos() / 1000);
	}
}
