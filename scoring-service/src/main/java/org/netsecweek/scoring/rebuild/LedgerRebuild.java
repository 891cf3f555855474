package org.netsecweek.scoring.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.scoring.ledger.Bookkeeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the ledger of an empty database from the topics:
 * <ol>
 * <li>{@code points-awarded} from the beginning: which attempts were booked (so an attempt the rules hold was released
 * by an admin), the admin adjustments, and each worker's highest sequence;</li>
 * <li>{@code answer-submitted} from the beginning, batch by batch through {@link Bookkeeper#replay}: the live
 * booking's rules, nothing written to the outbox (the other services have those events);</li>
 * <li>the adjustments, as ADJUSTMENT entries in their sequence order;</li>
 * <li>each worker's sequence raised to the highest the other services have seen, so the next PointsAwarded
 * supersedes what they hold.</li>
 * </ol>
 */
@Component
class LedgerRebuild {

	private static final Logger log = LoggerFactory.getLogger(LedgerRebuild.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final DatabaseClient db;

	private final Bookkeeper bookkeeper;

	private final OutboxSettings topics;

	private final JsonMapper json;

	private final TopicReader reader;

	LedgerRebuild(DatabaseClient db, Bookkeeper bookkeeper, OutboxSettings topics, JsonMapper json,
			Environment environment) {
		this.db = db;
		this.bookkeeper = bookkeeper;
		this.topics = topics;
		this.json = json;
		this.reader = new TopicReader(environment.getRequiredProperty("netsec.kafka.bootstrap-servers"), 500);
	}

	Report rebuild() {
		long rows = count("SELECT (SELECT count(*) FROM ledger_entry) + (SELECT count(*) FROM held_attempt) "
				+ "+ (SELECT count(*) FROM submission) + (SELECT count(*) FROM rejected_answer) AS n");
		if (rows > 0) {
			throw new LedgerNotEmpty(rows);
		}
		Awarded awarded = readAwarded();
		long[] booked = { 0, 0 };
		long read = reader.read(topics.topic(Topics.ANSWER_SUBMITTED), values -> {
			List<AnswerSubmitted> batch = new ArrayList<>();
			for (String value : values) {
				try {
					batch.add(json.readValue(value, AnswerSubmitted.class));
				}
				catch (RuntimeException ex) {
					booked[1]++;
					log.warn("Skipping an unreadable AnswerSubmitted: {}", ex.toString());
				}
			}
			booked[0] += replay(batch, awarded.released(), booked);
		});
		for (PointsAwarded adjustment : awarded.adjustments()) {
			bookkeeper.restoreAdjustment(adjustment).block(TIMEOUT);
		}
		raiseSequences(awarded.highestSequence());
		return new Report(read, booked[0], booked[1], awarded.adjustments().size(),
				count("SELECT count(*) AS n FROM points_total"),
				count("SELECT coalesce(sum(total), 0) AS n FROM points_total"));
	}

	/** The batch in one transaction; if it fails, one by one, skipping what live booking sent to the dead letters. */
	private int replay(List<AnswerSubmitted> batch, Set<UUID> released, long[] counts) {
		try {
			return bookkeeper.replay(batch, released).block(TIMEOUT);
		}
		catch (RuntimeException batchFailure) {
			int booked = 0;
			for (AnswerSubmitted answer : batch) {
				try {
					booked += bookkeeper.replay(List.of(answer), released).block(TIMEOUT);
				}
				catch (RuntimeException ex) {
					counts[1]++;
					log.warn("Skipping event {}, which cannot be booked: {}", answer.eventId(), ex.toString());
				}
			}
			return booked;
		}
	}

	private Awarded readAwarded() {
		Set<UUID> released = new HashSet<>();
		Map<UUID, PointsAwarded> adjustments = new LinkedHashMap<>();
		Map<List<Object>, Long> highest = new HashMap<>();
		reader.read(topics.topic(Topics.POINTS_AWARDED), values -> values.forEach(value -> {
			PointsAwarded event;
			try {
				event = json.readValue(value, PointsAwarded.class);
			}
			catch (RuntimeException ex) {
				log.warn("Skipping an unreadable PointsAwarded: {}", ex.toString());
				return;
			}
			if (event.attemptId() != null) {
				released.add(event.attemptId());
			}
			if (event.adjustmentId() != null) {
				adjustments.putIfAbsent(event.adjustmentId(), event);
			}
			if (event.sequence() != null) {
				highest.merge(List.of(event.campaignId(), event.workerId()), event.sequence(), Math::max);
			}
		}));
		List<PointsAwarded> ordered = new ArrayList<>(adjustments.values());
		ordered.sort(Comparator.comparing((PointsAwarded a) -> a.workerId())
			.thenComparing(a -> a.sequence() == null ? 0L : a.sequence()));
		return new Awarded(released, ordered, highest);
	}

	private void raiseSequences(Map<List<Object>, Long> highest) {
		if (highest.isEmpty()) {
			return;
		}
		List<Map.Entry<List<Object>, Long>> entries = new ArrayList<>(highest.entrySet());
		db.sql("UPDATE points_total t SET sequence = s.n FROM unnest(CAST(:c AS text[]), CAST(:w AS uuid[]), "
				+ "CAST(:n AS bigint[])) AS s(c, w, n) WHERE t.campaign_id = s.c AND t.worker_id = s.w AND t.sequence < s.n")
			.bind("c", entries.stream().map(e -> (String) e.getKey().get(0)).toArray(String[]::new))
			.bind("w", entries.stream().map(e -> (UUID) e.getKey().get(1)).toArray(UUID[]::new))
			.bind("n", entries.stream().map(Map.Entry::getValue).toArray(Long[]::new))
			.then()
			.block(TIMEOUT);
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block(TIMEOUT);
	}

	/**
	 * What points-awarded shows.
	 *
	 * @param released attempts that were booked (any the rules hold were released by an admin)
	 * @param adjustments admin adjustments, once each, per worker in sequence order
	 * @param highestSequence per (campaign, worker), the highest sequence announced
	 */
	private record Awarded(Set<UUID> released, List<PointsAwarded> adjustments, Map<List<Object>, Long> highestSequence) {
	}

	/**
	 * The outcome.
	 *
	 * @param read AnswerSubmitted records read
	 * @param booked attempts booked
	 * @param skipped records that could not be read or booked (live booking sent them to the dead letters)
	 * @param adjustments adjustments restored
	 * @param workers workers with a total
	 * @param points the sum of all totals
	 */
	record Report(long read, long booked, long skipped, int adjustments, long workers, long points) {
	}
}
