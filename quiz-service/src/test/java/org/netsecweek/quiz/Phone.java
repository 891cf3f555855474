package org.netsecweek.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A worker on a phone, as tests drive quiz-service's API. */
public final class Phone {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WebTestClient web;

	public final String token;

	public final UUID id;

	public final String number;

	private Phone(WebTestClient web, String token, UUID id, String number) {
		this.web = web;
		this.token = token;
		this.id = id;
		this.number = number;
	}

	/** Signs in with a new mobile number and its (demo) code, then registers as 测试职工 of the organisation. */
	public static Phone signIn(WebTestClient web, String unionId, String orgId) {
		Phone phone = signInOnly(web, "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
		web.post()
			.uri("/api/registration")
			.headers(h -> h.setBearerAuth(phone.token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("unionId", unionId, "orgId", orgId, "name", "测试职工", "consent", true, "consentVersion",
					"2022-2"))
			.exchange()
			.expectStatus()
			.isOk();
		return phone;
	}

	/** Signs in with the number and its (demo) code, without registering. */
	public static Phone signInOnly(WebTestClient web, String number) {
		String code = post(web, "/api/sessions/phone/code", Map.of("phone", number)).get("demoCode").asString();
		JsonNode session = post(web, "/api/sessions/phone", Map.of("phone", number, "code", code));
		return new Phone(web, session.get("token").asString(), UUID.fromString(session.get("workerId").asString()),
				number);
	}

	private static JsonNode post(WebTestClient web, String uri, Object body) {
		return read(web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().is2xxSuccessful().expectBody().returnResult().getResponseBody());
	}

	public JsonNode paper() {
		return read(web.get().uri("/api/papers/today").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	/** Answers with the first {@code right} questions answered by {@code key}, the rest left unanswered. */
	public static Map<String, List<String>> answers(JsonNode paper, Map<String, List<String>> keys) {
		Map<String, List<String>> answers = new HashMap<>();
		for (JsonNode question : paper.get("questions")) {
			String id = question.get("id").asString();
			answers.put(id, keys.getOrDefault(id, List.of(question.get("options").get(0).get("key").asString())));
		}
		return answers;
	}

	public WebTestClient.ResponseSpec submit(Map<String, List<String>> answers, String idempotencyKey) {
		return web.post()
			.uri("/api/attempts")
			.headers(h -> {
				h.setBearerAuth(token);
				if (idempotencyKey != null) {
					h.set("Idempotency-Key", idempotencyKey);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("answers", answers))
			.exchange();
	}

	public JsonNode get(String uri) {
		return read(web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
	}

	public WebTestClient.ResponseSpec draw(Integer number) {
		return web.post()
			.uri("/api/draws")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(number == null ? Map.of() : Map.of("drawNumber", number))
			.exchange();
	}

	public static JsonNode read(byte[] body) {
		return json.readTree(body);
	}

	public static List<String> ids(JsonNode paper) {
		List<String> ids = new ArrayList<>();
		paper.get("questions").forEach(q -> ids.add(q.get("id").asString()));
		return ids;
	}
}
