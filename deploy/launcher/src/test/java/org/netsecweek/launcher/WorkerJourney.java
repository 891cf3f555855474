package org.netsecweek.launcher;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.netsecweek.quiz.bank.QuestionBank;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One worker's way through the running suite (sign in, register, answer every question right, draw once), so every
 * service has served requests and counted its business events before its metrics are looked at.
 */
final class WorkerJourney {

	/** The personal data this journey sends (a new phone number each run); none of it may reach a log line. */
	static final String PHONE = "136" + String.format("%08d", new java.security.SecureRandom().nextInt(100_000_000));

	static final String NAME = "赵六顺";

	private static final JsonMapper json = JsonMapper.builder().build();

	private WorkerJourney() {
	}

	private static boolean done;

	/** Walks the journey once per JVM, whichever test asks first. */
	static synchronized void once(Suite suite) {
		if (!done) {
			run(suite);
			done = true;
		}
	}

	private static void run(Suite suite) {
		WebTestClient quiz = client(suite, Service.QUIZ);
		String worker = registered(quiz, PHONE, NAME);
		answerToday(suite, quiz, worker);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> get(quiz, "/api/balance", worker).get("drawsAvailable").asInt() >= 1);
		String drawId = body(quiz.post().uri("/api/draws").headers(h -> h.setBearerAuth(worker))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("drawNumber", 1)).exchange()
			.expectStatus().isAccepted()).get("drawId").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !get(quiz, "/api/draws/" + drawId, worker).get("status").asString().equals("PENDING"));
		// one refused request, so the error side of the request metrics has a series too
		quiz.get().uri("/api/balance").exchange().expectStatus().isUnauthorized();
		// the province admin reads the delivery list (full names and phones), which quiz-service logs, within the
		// request, by who and how many: the log scan looks for the request's trace id there, and for no personal data
		String admin = body(client(suite, Service.REPORTING).post().uri("/api/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "province", "password", RunningSuite.adminPassword())).exchange()
			.expectStatus().isOk()).get("token").asString();
		get(quiz, "/api/admin/deliveries?purpose=寄送奖品", admin);
	}

	/** Signs a new worker in with the demo code and registers them with Harbin's first organisation; their token. */
	static String registered(WebTestClient quiz, String phone, String name) {
		String code = body(quiz.post().uri("/api/sessions/phone/code").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", phone)).exchange().expectStatus().isAccepted()).get("demoCode").asString();
		String worker = body(quiz.post().uri("/api/sessions/phone").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", phone, "code", code)).exchange().expectStatus().isOk()).get("token").asString();
		String consentVersion = body(quiz.get().uri("/api/privacy-notice").exchange().expectStatus().isOk())
			.get("version").asString();
		quiz.post().uri("/api/registration").headers(h -> h.setBearerAuth(worker)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("unionId", "harbin", "orgId", "harbin-0001", "name", name, "consent", true,
					"consentVersion", consentVersion))
			.exchange().expectStatus().isOk();
		return worker;
	}

	/** Answers today's paper, every question right. */
	static void answerToday(Suite suite, WebTestClient quiz, String worker) {
		JsonNode paper = get(quiz, "/api/papers/today", worker);
		QuestionBank bank = suite.context(Service.QUIZ).getBean(QuestionBank.class);
		Map<String, List<String>> answers = new HashMap<>();
		paper.get("questions").forEach(q -> answers.put(q.get("id").asString(),
				bank.find(q.get("id").asString()).orElseThrow().answer().stream().sorted().toList()));
		quiz.post().uri("/api/attempts").headers(h -> h.setBearerAuth(worker)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("answers", answers)).exchange().expectStatus().isCreated();
	}

	static JsonNode get(WebTestClient client, String uri, String token) {
		return body(client.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk());
	}

	static JsonNode body(WebTestClient.ResponseSpec response) {
		return json.readTree(response.expectBody().returnResult().getResponseBody());
	}

	static WebTestClient client(Suite suite, Service service) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + suite.port(service))
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}
}
