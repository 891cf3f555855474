package org.netsecweek.scoring.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.infra.Infrastructure;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.scoring.ScoringIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ScoringIntegrationTest
class LedgerRebuildIntegrationTests {

	private static final Instant MORNING = Instant.parse("2022-09-05T01:00:00Z");

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	JsonMapper json;

	@Autowired
	Tokens tokens;

	@Autowired
	WebTestClient web;

	@Autowired
	Environment environment;

	@Test
	void aRebuildFromTheTopicsIntoAnEmptyDatabaseEndsWithTheSameTotals() throws Exception {
		UUID ann = UUID.randomUUID();
		UUID bo = UUID.randomUUID();
		UUID cai = UUID.randomUUID();
		AnswerSubmitted annDay5 = answer(ann, LocalDate.of(2022, 9, 5), MORNING, 6, 10, 60_000, "hlj-2022");
		AnswerSubmitted boFast = answer(bo, LocalDate.of(2022, 9, 5), MORNING, 9, 10, 4_000, "hlj-2022");
		List<AnswerSubmitted> answers = List.of(annDay5,
				answer(ann, LocalDate.of(2022, 9, 6), MORNING.plus(Duration.ofDays(1)), 8, 10, 70_000, "hlj-2022"),
				annDay5, // redelivered
				answer(ann, LocalDate.of(2022, 9, 6), MORNING.plus(Duration.ofDays(1)).plusSeconds(5_000), 10, 10,
						70_000, "hlj-2022"), // a second attempt that day
				answer(ann, LocalDate.of(2022, 9, 7), MORNING.plus(Duration.ofDays(2)), 11, 10, 70_000, "hlj-2022"),
				boFast, answer(bo, LocalDate.of(2022, 9, 6), MORNING.plus(Duration.ofDays(1)), 7, 10, 50_000, "hlj-2022"),
				answer(cai, LocalDate.of(2022, 9, 5), MORNING, 5, 10, 50_000, "hlj-2022"),
				answer(cai, LocalDate.of(2022, 9, 6), MORNING.plusSeconds(60), 6, 10, 50_000, "hlj-2022"),
				answer(cai, LocalDate.of(2022, 9, 7), MORNING.plusSeconds(120), 7, 10, 50_000, "hlj-2022"), // burst
				answer(cai, LocalDate.of(2022, 9, 8), MORNING, 7, 10, 50_000, "hlj-2099"));
		KafkaProbe kafka = new KafkaProbe(environment.getRequiredProperty("netsec.kafka.bootstrap-servers"));
		for (AnswerSubmitted answer : answers) {
			kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), answer.workerId().toString(), json.writeValueAsString(answer));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> total(ann) == 14 && total(bo) == 7 && total(cai) == 11
				&& count("SELECT count(*) AS n FROM held_attempt WHERE worker_id IN ('" + bo + "', '" + cai + "')") == 2);
		release(boFast.attemptId());
		adjust(ann, 5);
		adjust(cai, -1);
		await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL "
				+ "AND message_key IN ('" + ann + "', '" + bo + "', '" + cai + "')") == 0);
		Map<String, String> before = totals(db, ann, bo, cai);
		assertThat(before).containsValues("19|3", "16|2", "10|3");

		String fresh = "rebuilt_" + UUID.randomUUID().toString().replace("-", "");
		Infrastructure.shared().postgres().createDatabase(fresh);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(RebuildLedger.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, args(fresh)))
			.isZero();
		// other test classes share the topics: at least this test's own adjustment is restored
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("重建完成").containsPattern("[1-9]\\d* adjustments");

		try (Connection rebuilt = connect(fresh)) {
			assertThat(totals(rebuilt, ann, bo, cai)).isEqualTo(before);
			assertThat(strings(rebuilt, "SELECT kind || '|' || points || '|' || total_after || '|' || sequence || '|' "
					+ "|| coalesce(made_by, '') FROM ledger_entry WHERE worker_id = '" + ann + "' ORDER BY sequence"))
				.containsExactly("ATTEMPT|6|6|1|", "ATTEMPT|8|14|2|", "ADJUSTMENT|5|19|3|rebuild");
			assertThat(strings(rebuilt, "SELECT kind || '|' || points || '|' || total_after FROM ledger_entry WHERE worker_id = '"
					+ cai + "' ORDER BY sequence")).endsWith("ADJUSTMENT|-1|10");
			assertThat(strings(rebuilt, "SELECT reason FROM ledger_entry WHERE attempt_id = '" + boFast.attemptId() + "'"))
				.singleElement().asString().contains("复核放行");
			assertThat(strings(rebuilt, "SELECT coalesce(decision, 'OPEN') || '|' || reason FROM held_attempt "
					+ "WHERE worker_id IN ('" + bo + "', '" + cai + "') ORDER BY worker_id = '" + bo + "' DESC"))
				.containsExactly("RELEASED|答题用时 4.0 秒，低于 20 秒", "OPEN|10分钟内提交3次");
			assertThat(strings(rebuilt, "SELECT reason FROM rejected_answer WHERE worker_id IN ('" + ann + "', '" + cai
					+ "') ORDER BY reason")).containsExactly("more-correct-than-questions", "second-attempt-same-day",
							"unknown-campaign");
			assertThat(strings(rebuilt, "SELECT count(*) FROM outbox")).containsExactly("0");
		}
		assertThat(RebuildLedger.run(System.out, new PrintStream(out, true, StandardCharsets.UTF_8), args(fresh)))
			.as("a second rebuild into the now filled ledger is refused").isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("账本不为空");
	}

	private void release(UUID attempt) {
		String token = tokens.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token();
		web.post().uri("/api/admin/review/" + attempt + "/release").headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "现场作答")).exchange()
			.expectStatus().isOk();
	}

	/** An admin adjustment through the adjustment API: an entry, the total, and PointsAwarded through the outbox. */
	private void adjust(UUID worker, int points) {
		String province = tokens.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token();
		web.post().uri("/api/admin/adjustments").headers(h -> h.setBearerAuth(province))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("adjustmentId", UUID.randomUUID(), "campaignId", "hlj-2022", "workerId", worker, "points",
					points, "reason", points > 0 ? "补录线下活动" : "重复参与，扣除多得积分"))
			.exchange()
			.expectStatus().isCreated();
	}

	private String[] args(String database) {
		List<String> args = new ArrayList<>();
		args.add("--netsec.db.name=" + database);
		for (String property : List.of("netsec.db.host", "netsec.db.port", "netsec.db.username", "netsec.db.password",
				"netsec.kafka.bootstrap-servers", "netsec.events.topic-prefix", "netsec.security.key-directory")) {
			args.add("--" + property + "=" + environment.getRequiredProperty(property));
		}
		return args.toArray(String[]::new);
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + environment.getRequiredProperty("netsec.db.host") + ":"
				+ environment.getRequiredProperty("netsec.db.port") + "/" + database,
				environment.getRequiredProperty("netsec.db.username"),
				environment.getProperty("netsec.db.password", ""));
	}

	private static Map<String, String> totals(Connection connection, UUID... workers) throws SQLException {
		Map<String, String> totals = new TreeMap<>();
		for (UUID worker : workers) {
			for (String row : strings(connection, "SELECT total || '|' || sequence FROM points_total WHERE worker_id = '"
					+ worker + "'")) {
				totals.put(worker.toString(), row);
			}
		}
		return totals;
	}

	private static Map<String, String> totals(DatabaseClient db, UUID... workers) {
		Map<String, String> totals = new TreeMap<>();
		for (UUID worker : workers) {
			db.sql("SELECT total || '|' || sequence AS t FROM points_total WHERE worker_id = :w").bind("w", worker)
				.map(row -> row.get("t", String.class)).one().blockOptional()
				.ifPresent(t -> totals.put(worker.toString(), t));
		}
		return totals;
	}

	private static List<String> strings(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	private long total(UUID worker) {
		return count("SELECT coalesce(max(total), 0) AS n FROM points_total WHERE worker_id = '" + worker + "'");
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
	}

	private static AnswerSubmitted answer(UUID worker, LocalDate day, Instant at, int correct, int questions,
			long millis, String campaign) {
		return new AnswerSubmitted(UUID.randomUUID(), at, campaign, 1, worker, UUID.randomUUID(), "jixi", "jixi-0001", day,
				List.of(), correct, questions, millis);
	}
}
