package org.netsecweek.scoring;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.netsecweek.events.EventFixtures;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Puts workers' points into a running scoring-service the way production does, through the broker, and reads the
 * ledger back, for the tests of the features built on it.
 */
public final class TestLedger {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DatabaseClient db;

	private final OutboxSettings topics;

	private final KafkaProbe kafka;

	private final Tokens tokens;

	public TestLedger(DatabaseClient db, OutboxSettings topics, String bootstrapServers, Tokens tokens) {
		this.db = db;
		this.topics = topics;
		this.kafka = new KafkaProbe(bootstrapServers);
		this.tokens = tokens;
	}

	/**
	 * A new worker of {@code union} in campaign hlj-2022 whose papers (one a day from 5 September, answered at a
	 * human pace) booked {@code points}, and who used {@code draws} draws; returns once scoring has them.
	 */
	public UUID workerWith(String union, int points, int draws) {
		UUID worker = UUID.randomUUID();
		int day = 5;
		for (int left = points; left > 0; left -= 10, day++) {
			// one paper a day, submitted at 10:00 that day in Harbin: a worker's real pace, not a burst
			Instant submitted = LocalDate.of(2022, 9, day).atTime(10, 0).toInstant(ZoneOffset.ofHours(8));
			AnswerSubmitted answer = new AnswerSubmitted(UUID.randomUUID(), submitted, "hlj-2022", 1, worker,
					UUID.randomUUID(), union, union + "-0001", LocalDate.of(2022, 9, day), List.of(),
					Math.min(left, 10), 10, 90_000);
			kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), worker.toString(), JSON.writeValueAsString(answer));
		}
		for (int i = 0; i < draws; i++) {
			ObjectNode draw = (ObjectNode) JSON.readTree(EventFixtures.bytes(EventFixtures.DRAW_COMPLETED));
			draw.put("eventId", UUID.randomUUID().toString())
				.put("workerId", worker.toString())
				.put("drawId", UUID.randomUUID().toString())
				.put("outcome", i % 2 == 0 ? "NO_PRIZE" : "PRIZE");
			kafka.send(topics.topic(Topics.DRAW_COMPLETED), worker.toString(), JSON.writeValueAsString(draw));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> total(worker) == points
				&& count("SELECT count(*) AS n FROM draw_spent WHERE worker_id = '" + worker + "'") == draws);
		return worker;
	}

	public int total(UUID worker) {
		return (int) count("SELECT total AS n FROM points_total WHERE worker_id = '" + worker + "'");
	}

	public int ledgerSum(UUID worker) {
		return (int) count("SELECT coalesce(sum(points), 0) AS n FROM ledger_entry WHERE worker_id = '" + worker + "'");
	}

	public long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().blockOptional().orElse(0L);
	}

	/** A token of an admin: the province's, or a union admin's of {@code union}. */
	public String admin(Role role, String union) {
		return tokens.issue(new Caller(role == Role.PROVINCE_ADMIN ? "province" : "staff-" + union, role, union)).token();
	}

	public String worker(UUID worker) {
		return tokens.issue(new Caller(worker.toString(), Role.WORKER, null)).token();
	}

	public KafkaProbe kafka() {
		return kafka;
	}
}
