package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsecweek.events.Topics;
import org.netsecweek.infra.Infrastructure;
import org.netsecweek.quiz.bank.QuestionBank;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The walking skeleton end to end: the four services in one JVM against one broker and one PostgreSQL, driven over
 * HTTP like a phone and a union admin would, then every event delivered a second time.
 */
@ExtendWith(RunningSuite.class)
class SuiteIntegrationTests {

	private static final String PREFIX = RunningSuite.TOPIC_PREFIX;

	private static final List<String> TOPICS = List.of(PREFIX + Topics.ANSWER_SUBMITTED, PREFIX + Topics.POINTS_AWARDED,
			PREFIX + Topics.DRAW_REQUESTED, PREFIX + Topics.DRAW_COMPLETED);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Suite suite = RunningSuite.suite();

	private final Infrastructure infrastructure = RunningSuite.infrastructure();

	@Test
	void answerPointsDrawAndReportFlowThroughAllFourServicesAndARedeliveryChangesNothing() throws Exception {
		WebTestClient quiz = client(Service.QUIZ);
		WebTestClient scoring = client(Service.SCORING);
		WebTestClient reporting = client(Service.REPORTING);

		// a worker of 七台河市 signs in and answers today's paper, every answer right
		String code = body(quiz.post().uri("/api/sessions/phone/code").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", "13700001111")).exchange().expectStatus().isAccepted()).get("demoCode").asString();
		String worker = body(quiz.post().uri("/api/sessions/phone").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", "13700001111", "code", code)).exchange().expectStatus().isOk())
			.get("token").asString();
		quiz.post().uri("/api/registration").headers(h -> h.setBearerAuth(worker)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("unionId", "qitaihe", "orgId", "qitaihe-0001", "name", "李四", "consent", true,
					"consentVersion", "2022-2"))
			.exchange().expectStatus().isOk();
		JsonNode paper = body(quiz.get().uri("/api/papers/today").headers(h -> h.setBearerAuth(worker)).exchange()
			.expectStatus().isOk());
		QuestionBank bank = suite.context(Service.QUIZ).getBean(QuestionBank.class);
		Map<String, List<String>> answers = new HashMap<>();
		paper.get("questions").forEach(q -> answers.put(q.get("id").asString(),
				bank.find(q.get("id").asString()).orElseThrow().answer().stream().sorted().toList()));
		JsonNode graded = body(quiz.post().uri("/api/attempts").headers(h -> h.setBearerAuth(worker))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answers", answers)).exchange()
			.expectStatus().isCreated());
		assertThat(graded.get("correctCount").asInt()).isEqualTo(10);

		// scoring books 10 points; quiz's balance shows them and one draw
		await().atMost(Duration.ofSeconds(60))
			.until(() -> get(quiz, "/api/balance", worker).get("drawsAvailable").asInt() == 1);
		assertThat(get(quiz, "/api/balance", worker).get("total").asInt()).isEqualTo(10);
		assertThat(get(scoring, "/api/points/me", worker).get("total").asInt()).isEqualTo(10);

		// a second attempt the same day is refused
		quiz.post().uri("/api/attempts").headers(h -> h.setBearerAuth(worker)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("answers", Map.of())).exchange().expectStatus().isEqualTo(409);

		// the draw goes to lottery-service and its outcome comes back
		String drawId = body(quiz.post().uri("/api/draws").headers(h -> h.setBearerAuth(worker))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("drawNumber", 1)).exchange()
			.expectStatus().isAccepted()).get("drawId").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !get(quiz, "/api/draws/" + drawId, worker).get("status").asString().equals("PENDING"));
		String outcome = get(quiz, "/api/draws/" + drawId, worker).get("status").asString();
		assertThat(outcome).isIn("PRIZE", "NO_PRIZE");

		// reporting counts the worker under 七台河市
		String admin = body(reporting.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "province", "password", RunningSuite.adminPassword())).exchange().expectStatus().isOk())
			.get("token").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> qitaihe(reporting, admin).get("workersCovered").asInt() == 1);
		assertThat(qitaihe(reporting, admin).get("organisationsActive").asInt()).isEqualTo(1);

		// everything delivered again changes nothing anywhere
		KafkaBooks kafka = new KafkaBooks(infrastructure.kafkaBootstrapServers());
		Set<String> groups = Set.of("quiz-service", "scoring-service", "lottery-service", "reporting-service");
		await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag(groups, TOPICS) == 0);
		JsonNode balanceBefore = get(quiz, "/api/balance", worker);
		JsonNode pointsBefore = get(scoring, "/api/points/me", worker);
		JsonNode drawsBefore = get(quiz, "/api/draws", worker);
		JsonNode progressBefore = progress(reporting, admin);
		long recordsBefore = kafka.count(TOPICS);

		assertThat(kafka.replay(TOPICS)).isEqualTo(recordsBefore).isGreaterThanOrEqualTo(4);
		await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag(groups, TOPICS) == 0);

		assertThat(get(quiz, "/api/balance", worker)).isEqualTo(balanceBefore);
		assertThat(get(scoring, "/api/points/me", worker)).isEqualTo(pointsBefore);
		assertThat(get(quiz, "/api/draws", worker)).isEqualTo(drawsBefore);
		assertThat(progress(reporting, admin)).isEqualTo(progressBefore);
		assertThat(kafka.count(TOPICS)).as("no service published anything new").isEqualTo(2 * recordsBefore);
		assertThat(kafka.count(TOPICS.stream().map(Topics::deadLetter).toList())).as("dead letters").isZero();
	}

	private static JsonNode qitaihe(WebTestClient reporting, String admin) {
		for (JsonNode row : progress(reporting, admin).get("unions")) {
			if (row.get("unionId").asString().equals("qitaihe")) {
				return row;
			}
		}
		throw new AssertionError("No row for qitaihe");
	}

	private static JsonNode progress(WebTestClient reporting, String admin) {
		return get(reporting, "/api/admin/progress", admin);
	}

	private static JsonNode get(WebTestClient client, String uri, String token) {
		return body(client.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk());
	}

	private static JsonNode body(WebTestClient.ResponseSpec response) {
		return json.readTree(response.expectBody().returnResult().getResponseBody());
	}

	private WebTestClient client(Service service) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + suite.port(service))
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}
}
