package org.netsecweek.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.HdrHistogram.Histogram;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Where the delay from a submission to its points goes, read from the services' own tables after a run: the time
 * each attempt's events spent at each hop (quiz's outbox, Kafka and scoring's consumer, scoring's outbox, Kafka and
 * quiz's consumer). Timestamps are PostgreSQL's {@code now()} (a transaction's start), so a hop that includes a
 * transaction ends when that transaction began.
 */
final class Hops {

	static final List<String> NAMES = List.of("a quiz outbox: stored → sent", "b answer-submitted → scoring booked",
			"c scoring outbox: booked → sent", "d points-awarded → quiz balance", "submitted → balance (sum)");

	private Hops() {
	}

	/** Each hop's histogram (microseconds) over the attempts submitted in {@code [from, to)}. */
	static Map<String, Histogram> of(Instant from, Instant to, DatabaseClient quiz, DatabaseClient scoring) {
		Map<UUID, Instant[]> attempts = new HashMap<>();
		quiz.sql("SELECT a.id, a.submitted_at, o.sent_at FROM attempt a JOIN outbox o ON o.event_type = 'AnswerSubmitted' "
				+ "AND (o.payload::jsonb ->> 'attemptId')::uuid = a.id "
				+ "WHERE a.submitted_at >= :from AND a.submitted_at < :to")
			.bind("from", from)
			.bind("to", to)
			.map(row -> Map.entry(row.get("id", UUID.class),
					new Instant[] { row.get("submitted_at", Instant.class), row.get("sent_at", Instant.class), null,
							null, null, null }))
			.all()
			.doOnNext(entry -> attempts.put(entry.getKey(), entry.getValue()))
			.blockLast(Duration.ofMinutes(1));
		Map<UUID, UUID> pointsEvents = new HashMap<>();
		if (!attempts.isEmpty()) {
			UUID[] ids = attempts.keySet().toArray(UUID[]::new);
			scoring.sql("SELECT (o.payload::jsonb ->> 'attemptId')::uuid AS attempt, o.event_id, o.created_at, o.sent_at "
					+ "FROM outbox o WHERE o.event_type = 'PointsAwarded' "
					+ "AND (o.payload::jsonb ->> 'attemptId')::uuid = ANY(:ids)")
				.bind("ids", ids)
				.map(row -> {
					UUID attempt = row.get("attempt", UUID.class);
					Instant[] times = attempts.get(attempt);
					times[2] = row.get("created_at", Instant.class);
					times[3] = row.get("sent_at", Instant.class);
					return Map.entry(row.get("event_id", UUID.class), attempt);
				})
				.all()
				.doOnNext(entry -> pointsEvents.put(entry.getKey(), entry.getValue()))
				.blockLast(Duration.ofMinutes(1));
		}
		if (!pointsEvents.isEmpty()) {
			quiz.sql("SELECT event_id, processed_at FROM processed_event WHERE consumer = 'updateBalance' "
					+ "AND event_id = ANY(:ids)")
				.bind("ids", pointsEvents.keySet().toArray(UUID[]::new))
				.map(row -> {
					attempts.get(pointsEvents.get(row.get("event_id", UUID.class)))[4] = row.get("processed_at",
							Instant.class);
					return true;
				})
				.all()
				.blockLast(Duration.ofMinutes(1));
		}
		Map<String, Histogram> hops = new LinkedHashMap<>();
		NAMES.forEach(name -> hops.put(name, new Histogram(3)));
		for (Instant[] t : attempts.values()) {
			List<Instant> times = java.util.Arrays.asList(t).subList(0, 5);
			if (times.contains(null)) {
				continue;
			}
			for (int hop = 0; hop < 4; hop++) {
				hops.get(NAMES.get(hop)).recordValue(micros(times.get(hop), times.get(hop + 1)));
			}
			hops.get(NAMES.get(4)).recordValue(micros(times.get(0), times.get(4)));
		}
		return hops;
	}

	private static long micros(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toNanos() / 1000);
	}
}
