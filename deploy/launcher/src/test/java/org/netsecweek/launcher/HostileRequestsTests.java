package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * More than 10,000 generated malformed and hostile requests to every endpoint of the four services: broken JSON,
 * wrong types, huge and deeply nested bodies, unicode edge cases, SQL and script injection, forged, expired and
 * wrongly signed tokens, odd headers and paths. Not one 5xx, no stack trace or internal detail in any answer, and the
 * books unchanged: no attempt, draw, ledger entry or adjustment came of it.
 */
@ExtendWith(RunningSuite.class)
class HostileRequestsTests {

	private static final int REQUESTS = 10_800;

	private static final List<String> HOSTILE = List.of("' OR '1'='1", "'; DROP TABLE attempt; --", "\" OR 1=1 --",
			"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "{{7*7}}", "../../etc/passwd",
			"%00", "\u0000", "\uD800", "\uFFFF", "𠜎𠜱𠝹", "‮gnp.exe", "ａｄｍｉｎ", "null", "true", "-1", "1e309", "NaN",
			"99999999999999999999999", "张三明' --", "=cmd|' /C calc'!A0", "\r\nX-Injected: 1", "a".repeat(5000));

	private static final List<String> IN_BODY_LEAKS = List.of("Exception", "\tat ", "org.springframework", "java.lang",
			"io.r2dbc", "org.postgresql", "SQLState", "stack");

	/** A request the client library itself refused to send (e.g. a charset it does not know). */
	private static final int UNSENT = -1;

	private final Suite suite = RunningSuite.suite();

	@Test
	void thousandsOfHostileRequestsGetNo5xxNoInternalsAndChangeNothing() {
		Tokens tokens = suite.context(Service.QUIZ).getBean(Tokens.class);
		String worker = tokens.issue(new Caller(java.util.UUID.randomUUID().toString(), Role.WORKER, null)).token();
		String unionAdmin = tokens.issue(new Caller("fuzz-harbin", Role.UNION_ADMIN, "harbin")).token();
		List<String> badTokens = badTokens(worker);
		Map<String, Long> before = settledBooks();
		ApiOperations operations = ApiOperations.of(suite);
		Map<Service, WebClient> clients = new ConcurrentHashMap<>();
		for (Service service : Service.values()) {
			clients.put(service, WebClient.builder()
				.baseUrl("http://localhost:" + suite.port(service))
				// a connection per request, as from many independent clients: over reused keep-alive connections about
				// one request in 10,000 went unanswered (see the closing note of issue 10; CloseAfterRefusal helps)
				.clientConnector(new ReactorClientHttpConnector(
						HttpClient.newConnection().responseTimeout(Duration.ofSeconds(30))))
				.build());
		}
		Random random = new Random(20220905);
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			ApiOperations.Operation operation = operations.all().get(random.nextInt(operations.all().size()));
			String token = switch (random.nextInt(4)) {
				case 0 -> null;
				case 1 -> badTokens.get(random.nextInt(badTokens.size()));
				case 2 -> worker;
				default -> unionAdmin;
			};
			String method = random.nextInt(20) == 0 ? List.of("PATCH", "OPTIONS", "HEAD", "TRACE").get(random.nextInt(4))
					: operation.method();
			requests.add(new Request(operation.service(), method, path(operation, random), token, body(random),
					contentType(random)));
		}

		List<String> problems = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger answered = new AtomicInteger();
		Flux.fromIterable(requests)
			.flatMap(request -> send(clients.get(request.service()), request)
				.filter(answer -> answer.status() != UNSENT)
				.doOnNext(answer -> {
					answered.incrementAndGet();
					if (answer.status() >= 500) {
						problems.add(request + " -> " + answer.status() + " " + abbreviate(answer.body()));
					}
					(answer.status() == 599 ? java.util.stream.Stream.<String>empty() : IN_BODY_LEAKS.stream())
						.filter(leak -> answer.body().contains(leak))
						.findFirst()
						.ifPresent(leak -> problems.add(request + " -> body shows '" + leak + "': " + abbreviate(answer.body())));
				}), 16)
			.blockLast(Duration.ofMinutes(10));

		assertThat(answered.get()).as("answered by the services (the rest the client itself could not send)")
			.isGreaterThanOrEqualTo(10_000);
		assertThat(problems).as("of %d hostile requests", REQUESTS).isEmpty();
		assertThat(books()).as("the books after the flood").isEqualTo(before);
	}

	private Mono<Answer> send(WebClient client, Request request) {
		WebClient.RequestBodySpec spec = client.method(HttpMethod.valueOf(request.method()))
			.uri(uri -> uri.path(request.path()).build())
			.headers(h -> {
				if (request.token() != null) {
					h.set("Authorization", request.token().startsWith("Basic ") || request.token().startsWith("Bearer")
							? request.token() : "Bearer " + request.token());
				}
				if (request.contentType() != null) {
					h.set("Content-Type", request.contentType());
				}
				h.set("Idempotency-Key", "fuzz-" + request.path().hashCode());
			});
		WebClient.RequestHeadersSpec<?> ready = request.body() == null || request.method().equals("GET")
				|| request.method().equals("HEAD") ? spec : spec.bodyValue(request.body());
		return ready.exchangeToMono(response -> response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.map(body -> new Answer(response.statusCode().value(), body)))
			.onErrorResume(error -> error instanceof WebClientRequestException
					&& error.getCause() instanceof org.springframework.http.InvalidMediaTypeException,
					error -> Mono.just(new Answer(UNSENT, "")))
			// a body far over the limit is refused (413) and the connection closed while the client is still
			// uploading it: the client then sees the close, not the answer; that is the refusal working
			.onErrorResume(error -> request.body() != null && request.body().length() > 1_000_000
					&& error.getCause() instanceof reactor.netty.http.client.PrematureCloseException,
					error -> Mono.just(new Answer(413, "")))
			.onErrorResume(error -> Mono.just(new Answer(599, "no answer: " + error.getClass().getSimpleName() + " / "
					+ (error.getCause() == null ? error.getMessage() : error.getCause().toString()))));
	}

	/**
	 * The books once the earlier tests' events have taken effect (scoring books the last submissions a moment after
	 * they were accepted): the same counts two seconds apart.
	 */
	private Map<String, Long> settledBooks() {
		AtomicReference<Map<String, Long>> last = new AtomicReference<>(books());
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> last.getAndSet(books()).equals(last.get()));
		return last.get();
	}

	/** Counts the books consist of: none may move because of hostile requests. */
	private Map<String, Long> books() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		counts.put("quiz attempts", count(Service.QUIZ, "SELECT count(*) AS n FROM attempt"));
		counts.put("quiz draws", count(Service.QUIZ, "SELECT count(*) AS n FROM draw"));
		counts.put("quiz workers registered", count(Service.QUIZ, "SELECT count(*) AS n FROM worker WHERE registered_at IS NOT NULL"));
		counts.put("quiz questions", count(Service.QUIZ, "SELECT count(*) AS n FROM question"));
		counts.put("scoring entries", count(Service.SCORING, "SELECT count(*) AS n FROM ledger_entry"));
		counts.put("lottery draws", count(Service.LOTTERY, "SELECT count(*) AS n FROM draw"));
		counts.put("lottery prizes", count(Service.LOTTERY, "SELECT coalesce(sum(quantity), 0) AS n FROM prize"));
		return counts;
	}

	private long count(Service service, String sql) {
		return suite.context(service).getBean(DatabaseClient.class).sql(sql)
			.map(row -> ((Number) row.get("n")).longValue()).one().block(Duration.ofSeconds(30));
	}

	private static List<String> badTokens(String valid) {
		String[] parts = valid.split("\\.");
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String noneHeader = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
		String adminClaims = b64.encodeToString(("{\"sub\":\"x\",\"role\":\"PROVINCE_ADMIN\",\"iss\":\"netsec-week\","
				+ "\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}").getBytes());
		String expiredClaims = b64.encodeToString(("{\"sub\":\"x\",\"role\":\"WORKER\",\"iss\":\"netsec-week\","
				+ "\"exp\":" + (Instant.now().getEpochSecond() - 3600) + "}").getBytes());
		return List.of(noneHeader + "." + adminClaims + ".", parts[0] + "." + adminClaims + "." + parts[2],
				parts[0] + "." + expiredClaims + "." + parts[2], parts[0] + "." + parts[1] + "." + b64.encodeToString(new byte[256]),
				valid.substring(0, valid.length() - 4) + "AAAA", "not.a.token", "....", "Basic YWRtaW46YWRtaW4=",
				"Bearer", "x".repeat(9000), "é€😀", "eyJhbGciOiJIUzI1NiJ9." + adminClaims + ".c2lnbmF0dXJl");
	}

	private static String path(ApiOperations.Operation operation, Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> operation.template().replaceAll("\\{[^}]+}", java.net.URLEncoder.encode(pick(random),
					java.nio.charset.StandardCharsets.UTF_8));
			case 1 -> operation.path() + "?campaignId=" + enc(pick(random)) + "&unionId=" + enc(pick(random))
					+ "&limit=" + enc(pick(random)) + "&scope=" + enc(pick(random)) + "&format=" + enc(pick(random));
			case 2 -> operation.path() + "/..%2F..%2Fadmin";
			default -> operation.path();
		};
	}

	private static String body(Random random) {
		return switch (random.nextInt(12)) {
			case 0 -> null;
			case 1 -> "{";
			case 2 -> "{\"answers\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
			case 3 -> "{\"phone\": 13812345678, \"code\": [], \"drawNumber\": \"one\", \"points\": {}}";
			case 4 -> "{\"drawNumber\": " + pick(random) + "}";
			case 5 -> "{\"answers\": {\"" + pick(random) + "\": [\"" + pick(random) + "\"]}}";
			case 6 -> "{\"unionId\": \"" + pick(random).replace("\"", "\\\"") + "\", \"orgId\": \"x\", \"name\": \""
					+ pick(random).replace("\"", "\\\"") + "\", \"consent\": true, \"consentVersion\": \"2022-2\"}";
			case 7 -> random.nextInt(40) == 0 ? "{\"x\": \"" + "y".repeat(2_000_000) + "\"}" : "[]";
			case 8 -> "null";
			case 9 -> "\uFEFF{\"reason\": \"\\u0000\\ud800\", \"adjustmentId\": \"not-a-uuid\", \"workerId\": 1}";
			case 10 -> "{\"shown\": \"maybe\", \"items\": [{\"id\": \"" + pick(random).replace("\"", "") + "\", \"weight\": -1}]}";
			default -> "garbage " + pick(random);
		};
	}

	private static String contentType(Random random) {
		return List.of("application/json", "application/json", "application/json", "text/plain", "application/xml",
				"multipart/form-data; boundary=x", "application/json; charset=utf-7", "text/csv", "*/*").get(random.nextInt(9));
	}

	private static String pick(Random random) {
		return HOSTILE.get(random.nextInt(HOSTILE.size()));
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		return text.length() > 240 ? text.substring(0, 240) + "…" : text;
	}

	record Request(Service service, String method, String path, String token, String body, String contentType) {

		@Override
		public String toString() {
			return service.serviceName() + " " + method + " " + abbreviate(path)
					+ (token == null ? "" : " [token " + abbreviate(token).substring(0, Math.min(12, token.length())) + "…]")
					+ " [" + contentType + "]" + (body == null ? "" : " body " + abbreviate(body));
		}
	}

	record Answer(int status, String body) {
	}
}
