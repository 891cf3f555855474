package org.netsecweek.quiz.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import org.netsecweek.quiz.bank.QuestionBank;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@QuizIntegrationTest
class SubmitAnswersIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	QuestionBank bank;

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void gradesAtOnceWithExplanationsAndAnnouncesTheAttemptWithoutPersonalData() {
		Phone phone = Phone.signIn(web, "harbin", "harbin-0001");
		JsonNode paper = phone.paper();
		Map<String, List<String>> answers = rightAnswers(paper, 7);

		JsonNode graded = Phone.read(phone.submit(answers, "k1").expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody());

		assertThat(graded.get("correctCount").asInt()).isEqualTo(7);
		assertThat(graded.get("questionCount").asInt()).isEqualTo(10);
		assertThat(graded.get("pointsEarned").asInt()).isEqualTo(7);
		assertThat(graded.get("results").get(0).get("explanation").asString()).isNotBlank();
		String event = new KafkaProbe(bootstrapServers)
			.read(topics.topic(Topics.ANSWER_SUBMITTED), v -> v.contains(phone.id.toString()), 1, Duration.ofSeconds(30))
			.get(0);
		assertThat(event).contains("\"correctCount\":7", "\"questionCount\":10", "\"unionId\":\"harbin\"",
				"\"orgId\":\"harbin-0001\"", graded.get("attemptId").asString());
		assertThat(event).doesNotContain("token", "phone", "name");
	}

	@Test
	void aRepeatedSubmissionGetsTheFirstResultAndAnotherAttemptIsRefused() {
		Phone phone = Phone.signIn(web, "daqing", "daqing-0002");
		JsonNode paper = phone.paper();
		byte[] first = phone.submit(rightAnswers(paper, 3), "tap-1").expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody();

		phone.submit(rightAnswers(paper, 3), "tap-1")
			.expectStatus().isOk()
			.expectHeader().valueEquals("Idempotent-Replayed", "true")
			.expectBody().json(new String(first));
		phone.submit(rightAnswers(paper, 10), "tap-2")
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("attempt-already-taken")
			.jsonPath("$.detail").value(d -> assertThat((String) d).contains("每天可参与答题1次"))
			.jsonPath("$.firstAttempt.correctCount").isEqualTo(3)
			.jsonPath("$.firstAttempt.pointsEarned").isEqualTo(3);
		assertThat(phone.get("/api/attempts/today").get("correctCount").asInt()).isEqualTo(3);
	}

	@Test
	void withoutAKeyTheSameAnswersAreARetryAndOtherAnswersASecondAttempt() {
		Phone phone = Phone.signIn(web, "jixi", "jixi-0001");
		JsonNode paper = phone.paper();
		phone.submit(rightAnswers(paper, 5), null).expectStatus().isCreated();
		phone.submit(rightAnswers(paper, 5), null).expectStatus().isOk();
		phone.submit(rightAnswers(paper, 6), null).expectStatus().isEqualTo(409);
	}

	@Test
	void manySimultaneousSubmissionsOfOneWorkerStoreExactlyOneAttempt() throws Exception {
		List<Phone> phones = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			phones.add(Phone.signIn(web, "qiqihar", "qiqihar-000" + (i % 3 + 1)));
		}
		Map<Phone, JsonNode> papers = new HashMap<>();
		phones.forEach(p -> papers.put(p, p.paper()));
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		Map<String, Integer> created = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<?>> futures = new ArrayList<>();
		for (Phone phone : phones) {
			for (int tap = 0; tap < 12; tap++) {
				int n = tap;
				futures.add(pool.submit(() -> {
					int status = phone.submit(rightAnswers(papers.get(phone), n % 10), "tap-" + n)
						.returnResult(byte[].class).getStatus().value();
					statuses.add(status);
					if (status == 201) {
						created.merge(phone.id.toString(), 1, Integer::sum);
					}
				}));
			}
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();

		assertThat(created).hasSize(5).allSatisfy((worker, count) -> assertThat(count).isEqualTo(1));
		assertThat(statuses).containsOnly(201, 409).hasSize(60);
		for (Phone phone : phones) {
			assertThat(count("SELECT count(*) AS n FROM attempt WHERE worker_id = '" + phone.id + "'")).isEqualTo(1);
			assertThat(count("SELECT count(*) AS n FROM outbox WHERE message_key = '" + phone.id
					+ "' AND topic = 'answer-submitted'")).isEqualTo(1);
		}
	}

	@Test
	void answersToQuestionsNotOnThePaperAreRefused() {
		Phone phone = Phone.signIn(web, "heihe", "heihe-0001");
		phone.paper();
		phone.submit(Map.of("not-a-question", List.of("A")), null)
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("answers-do-not-fit-paper");
		phone.submit(Map.of(), null).expectStatus().isCreated();
	}

	@Test
	void malformedRequestsAreProblemsNotServerErrors() {
		Phone phone = Phone.signIn(web, "heihe", "heihe-0002");
		web.post().uri("/api/attempts").headers(h -> h.setBearerAuth(phone.token))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\": [1, 2]}")
			.exchange().expectStatus().isBadRequest();
		web.post().uri("/api/attempts")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\": {}}")
			.exchange().expectStatus().isUnauthorized();
		web.post().uri("/api/registration").headers(h -> h.setBearerAuth(phone.token))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue("{\"unionId\": \"atlantis\"}")
			.exchange().expectStatus().isBadRequest();
	}

	/** The right keys for the first {@code right} questions of the paper, a wrong one for the rest. */
	private Map<String, List<String>> rightAnswers(JsonNode paper, int right) {
		Map<String, List<String>> answers = new HashMap<>();
		int i = 0;
		for (String id : Phone.ids(paper)) {
			var question = bank.find(id).orElseThrow();
			List<String> key = question.answer().stream().sorted().toList();
			if (i++ < right) {
				answers.put(id, key);
			}
			else {
				String wrong = question.options().keySet().stream().filter(k -> !question.answer().contains(k))
					.findFirst().orElseThrow();
				answers.put(id, List.of(wrong));
			}
		}
		return answers;
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
	}
}
