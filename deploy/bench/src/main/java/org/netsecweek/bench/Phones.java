package org.netsecweek.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/** The quiz API as a phone uses it, non-blocking, over one shared connection pool. */
final class Phones {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient web;

	Phones(int quizPort) {
		ConnectionProvider pool = ConnectionProvider.builder("bench")
			.maxConnections(4000)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
		HttpClient client = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
			.responseTimeout(Duration.ofSeconds(60));
		this.web = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + quizPort)
			.clientConnector(new ReactorClientHttpConnector(client))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build();
	}

	/** A request's JSON answer; anything but the expected status fails with the status and body. */
	Mono<JsonNode> call(String method, String path, String token, Object body, int expected) {
		WebClient.RequestBodySpec spec = web.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.headers(h -> {
				if (token != null) {
					h.setBearerAuth(token);
				}
			});
		WebClient.RequestHeadersSpec<?> request = body == null ? spec
				: spec.contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body));
		return request.exchangeToMono(response -> response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap(text -> {
				HttpStatusCode status = response.statusCode();
				if (status.value() != expected) {
					return Mono.error(new IllegalStateException(method + " " + path + " answered " + status.value()
							+ " (expected " + expected + "): " + abbreviate(text)));
				}
				return Mono.just(text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text));
			}));
	}

	/** A signed-in, registered worker: code, sign-in, registration. */
	Mono<String> signUp(String phone, String unionId, String orgId, String consentVersion) {
		return call("POST", "/api/sessions/phone/code", null, Map.of("phone", phone), 202)
			.flatMap(sent -> call("POST", "/api/sessions/phone", null,
					Map.of("phone", phone, "code", sent.get("demoCode").asString()), 200))
			.map(session -> session.get("token").asString())
			.flatMap(token -> call("POST", "/api/registration", token, Map.of("unionId", unionId, "orgId", orgId,
					"name", "压测职工", "consent", true, "consentVersion", consentVersion), 200)
				.thenReturn(token));
	}

	/** Right answers to every question of the paper, from the bank's keys. */
	static Map<String, List<String>> answers(JsonNode paper, Map<String, List<String>> keys) {
		Map<String, List<String>> answers = new HashMap<>();
		for (JsonNode question : paper.get("questions")) {
			String id = question.get("id").asString();
			answers.put(id, keys.getOrDefault(id, List.of(question.get("options").get(0).get("key").asString())));
		}
		return answers;
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}
}
