package org.netsecweek.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.events.EventFixtures;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.quiz.AnswerSubmitted.QuestionResult;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.scoring.ScoringIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ScoringIntegrationTest
class BookPointsIntegrationTests {

	private static final UUID FIXTURE_WORKER = UUID.fromString("6f1c8a52-8d3e-4b7a-9c1d-2e5f7a9b0c11");

	@Autowired
	BookPoints bookPoints;

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	Tokens tokens;

	@Autowired
	JsonMapper json;

	@Autowired
	WebTestClient web;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void booksTheFixtureOnceHoweverOftenKafkaDeliversItAndAnnouncesTheTotal() {
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		String fixture = new String(EventFixtures.bytes(EventFixtures.ANSWER_SUBMITTED));

		kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), FIXTURE_WORKER.toString(), fixture, fixture, fixture);

		List<String> awarded = kafka.read(topics.topic(Topics.POINTS_AWARDED),
				value -> value.contains("a3d9e1f0-5b6c-4d7e-8f90-1a2b3c4d5e61"), 1, Duration.ofSeconds(60));
		assertThat(awarded.get(0)).contains("\"points\":2", "\"newTotal\":2", "\"drawsEarned\":0");
		assertThat(count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = '" + FIXTURE_WORKER + "'"))
			.isEqualTo(1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> count("SELECT count(*) AS n FROM outbox WHERE message_key = '" + FIXTURE_WORKER + "'") == 1);
	}

	@Test
	void concurrentRedeliveriesAndRepeatsOfAnAttemptBookItOnce() throws Exception {
		UUID worker = UUID.randomUUID();
		AnswerSubmitted answer = answer(worker, UUID.randomUUID(), LocalDate.of(2022, 9, 6), 7);
		AnswerSubmitted sameAttemptNewEvent = withNewEventId(answer);

		Concurrently.run(32, i -> bookPoints.accept(i % 2 == 0 ? answer : sameAttemptNewEvent));

		assertThat(total(worker)).isEqualTo(7);
		assertThat(count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = '" + worker + "'")).isEqualTo(1);
		assertThat(count("SELECT count(*) AS n FROM outbox WHERE message_key = '" + worker + "'")).isEqualTo(1);
	}

	@Test
	void totalsEqualTheSumOfTheLedgerUnderConcurrentBookings() throws Exception {
		List<UUID> workers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			workers.add(UUID.randomUUID());
		}
		List<AnswerSubmitted> answers = new ArrayList<>();
		for (UUID worker : workers) {
			for (int day = 5; day <= 11; day++) {
				answers.add(answer(worker, UUID.randomUUID(), LocalDate.of(2022, 9, day), day % 4 + 6));
			}
		}

		Concurrently.run(answers.size(), i -> bookPoints.accept(answers.get(i)));

		for (UUID worker : workers) {
			assertThat(total(worker)).isEqualTo(count(
					"SELECT coalesce(sum(points), 0) AS n FROM ledger_entry WHERE worker_id = '" + worker + "'"));
			assertThat(total(worker)).isEqualTo(answers.stream()
				.filter(a -> a.workerId().equals(worker))
				.mapToLong(AnswerSubmitted::correctCount)
				.sum());
			assertThat(count("SELECT count(DISTINCT sequence) AS n FROM ledger_entry e WHERE worker_id = '" + worker
					+ "' AND sequence BETWEEN 1 AND 7 AND total_after = (SELECT sum(points) FROM ledger_entry f "
					+ "WHERE f.campaign_id = e.campaign_id AND f.worker_id = e.worker_id AND f.sequence <= e.sequence)"))
				.as("each entry a sequence of its own and the running total").isEqualTo(7);
		}
	}

	@Test
	void reorderedAndRepeatedEventsOfAWorkerEndWithTheSameLedger() {
		UUID worker = UUID.randomUUID();
		AnswerSubmitted day5 = answer(worker, UUID.randomUUID(), LocalDate.of(2022, 9, 5), 5);
		AnswerSubmitted day6 = answer(worker, UUID.randomUUID(), LocalDate.of(2022, 9, 6), 6);
		AnswerSubmitted day7 = answer(worker, UUID.randomUUID(), LocalDate.of(2022, 9, 7), 7);
		AnswerSubmitted secondOnDay6 = answer(worker, UUID.randomUUID(), LocalDate.of(2022, 9, 6), 10);

		bookPoints.book(List.of(day7, day6));
		bookPoints.book(List.of(day5, day7, withNewEventId(day6), secondOnDay6));
		bookPoints.accept(day5);

		assertThat(total(worker)).isEqualTo(18);
		assertThat(statement(worker)).containsExactly("2022-09-07|7|7|1", "2022-09-06|6|13|2", "2022-09-05|5|18|3");
		assertThat(count("SELECT count(*) AS n FROM outbox WHERE message_key = '" + worker + "'")).isEqualTo(3);
		assertThat(count("SELECT count(*) AS n FROM rejected_answer WHERE attempt_id = '" + secondOnDay6.attemptId()
				+ "' AND reason = 'second-attempt-same-day'")).isEqualTo(1);
	}

	@Test
	void aSecondAttemptOnTheSameDayOrImpossibleCountsAreRecordedNotBooked() {
		UUID worker = UUID.randomUUID();
		LocalDate day = LocalDate.of(2022, 9, 7);
		bookPoints.accept(answer(worker, UUID.randomUUID(), day, 5));
		bookPoints.accept(answer(worker, UUID.randomUUID(), day, 9));
		AnswerSubmitted impossible = answer(worker, UUID.randomUUID(), day.plusDays(1), 5);
		bookPoints.accept(new AnswerSubmitted(UUID.randomUUID(), Instant.now(), "hlj-2022", 1, worker,
				impossible.attemptId(), "harbin", "harbin-0001", day.plusDays(1), impossible.results(), 11, 10, 60_000));
		bookPoints.accept(new AnswerSubmitted(UUID.randomUUID(), Instant.now(), "hlj-2099", 1, worker,
				UUID.randomUUID(), "harbin", "harbin-0001", day.plusDays(2), impossible.results(), 1, 10, 60_000));

		assertThat(total(worker)).isEqualTo(5);
		assertThat(db.sql("SELECT reason FROM rejected_answer WHERE worker_id = :w ORDER BY reason")
			.bind("w", worker)
			.map(row -> row.get("reason", String.class))
			.all()
			.collectList()
			.block()).containsExactly("more-correct-than-questions", "second-attempt-same-day", "unknown-campaign");
	}

	@Test
	void aWorkerSeesTheirOwnLedgerWithReasons() {
		UUID worker = UUID.randomUUID();
		// the active campaign of a test run is the demo campaign, which opens today
		bookPoints.accept(new AnswerSubmitted(UUID.randomUUID(), Instant.now(), "demo", 1, worker, UUID.randomUUID(),
				"harbin", "harbin-0001", LocalDate.now(), List.of(), 8, 10, 60_000));
		String token = tokens.issue(new Caller(worker.toString(), Role.WORKER, null)).token();

		web.get()
			.uri("/api/points/me")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total").isEqualTo(8)
			.jsonPath("$.drawsEarned").isEqualTo(0)
			.jsonPath("$.entries[0].reason").value(reason -> assertThat((String) reason).contains("8/10"))
			.jsonPath("$.entries[0].kind").isEqualTo("ATTEMPT")
			.jsonPath("$.entries[0].totalAfter").isEqualTo(8);
	}

	@Test
	void aBatchBooksEachWorkersEventsInOrderWithTheTotalAfterEachAndOneAnnouncementEach() {
		UUID ann = UUID.randomUUID();
		UUID bo = UUID.randomUUID();
		List<AnswerSubmitted> batch = new ArrayList<>();
		for (int day = 5; day <= 7; day++) {
			batch.add(answer(ann, UUID.randomUUID(), LocalDate.of(2022, 9, day), day));
			batch.add(answer(bo, UUID.randomUUID(), LocalDate.of(2022, 9, day), 10 - day));
		}
		batch.add(batch.get(0));
		batch.add(withNewEventId(batch.get(1)));
		batch.add(answer(ann, UUID.randomUUID(), LocalDate.of(2022, 9, 5), 10));

		bookPoints.book(batch);
		bookPoints.book(batch);

		assertThat(statement(ann)).containsExactly("2022-09-05|5|5|1", "2022-09-06|6|11|2", "2022-09-07|7|18|3");
		assertThat(statement(bo)).containsExactly("2022-09-05|5|5|1", "2022-09-06|4|9|2", "2022-09-07|3|12|3");
		assertThat(db.sql("SELECT payload FROM outbox WHERE message_key = :w ORDER BY id").bind("w", ann.toString())
			.map(row -> row.get("payload", String.class)).all().collectList().block())
			.hasSize(3)
			.satisfies(payloads -> assertThat(payloads.get(2)).contains("\"newTotal\":18", "\"sequence\":3",
					"\"drawsEarned\":1", batch.get(4).attemptId().toString()));
		assertThat(count("SELECT count(*) AS n FROM rejected_answer WHERE worker_id = '" + ann
				+ "' AND reason = 'second-attempt-same-day'")).isEqualTo(1);
	}

	@Test
	void anEventThatCannotBeBookedGoesToTheDeadLetterTopicAndTheOthersAreBooked() {
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		UUID worker = UUID.randomUUID();
		AnswerSubmitted before = answer(worker, UUID.randomUUID(), LocalDate.of(2022, 9, 5), 3);
		AnswerSubmitted poison = answer(worker, null, LocalDate.of(2022, 9, 6), 4);
		AnswerSubmitted after = answer(worker, UUID.randomUUID(), LocalDate.of(2022, 9, 7), 5);

		String garbled = "{\"eventId\": \"" + worker + "\", \"correctCount\": ";
		kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), worker.toString(), json.writeValueAsString(before),
				json.writeValueAsString(poison), garbled, json.writeValueAsString(after));

		List<String> dead = kafka.read(topics.topic(Topics.deadLetter(Topics.ANSWER_SUBMITTED)),
				value -> value.contains(poison.eventId().toString()) || value.equals(garbled), 2, Duration.ofSeconds(90));
		assertThat(dead).hasSize(2);
		await().atMost(Duration.ofSeconds(60)).until(() -> total(worker) == 8);
		assertThat(count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = '" + worker + "'")).isEqualTo(2);
	}

	private List<String> statement(UUID worker) {
		return db.sql("SELECT campaign_day, points, total_after, sequence FROM ledger_entry WHERE worker_id = :w "
				+ "ORDER BY sequence")
			.bind("w", worker)
			.map(row -> row.get("campaign_day") + "|" + row.get("points") + "|" + row.get("total_after") + "|"
					+ row.get("sequence"))
			.all()
			.collectList()
			.block();
	}

	private static AnswerSubmitted answer(UUID worker, UUID attempt, LocalDate day, int correct) {
		List<QuestionResult> results = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			results.add(new QuestionResult("q" + i, "EVERYDAY", i < correct));
		}
		// submitted in the morning of its day: a worker's papers are a day apart, never a burst
		return new AnswerSubmitted(UUID.randomUUID(), morningOf(day), "hlj-2022", 1, worker, attempt, "harbin",
				"harbin-0001", day, results, correct, 10, 95_000);
	}

	private static Instant morningOf(LocalDate day) {
		return day.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
	}

	private static AnswerSubmitted withNewEventId(AnswerSubmitted a) {
		return new AnswerSubmitted(UUID.randomUUID(), a.occurredAt(), a.campaignId(), a.schemaVersion(), a.workerId(),
				a.attemptId(), a.unionId(), a.orgId(), a.campaignDay(), a.results(), a.correctCount(),
				a.questionCount(), a.answeringMillis());
	}

	private long total(UUID worker) {
		return count("SELECT coalesce(max(total), 0) AS n FROM points_total WHERE worker_id = '" + worker + "'");
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
	}

}
