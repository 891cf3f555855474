package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of every service (from their OpenAPI descriptions) against every kind of caller: anonymous,
 * worker A, worker B, union admins of two unions, a province admin. Public endpoints admit everyone, admin
 * endpoints only admins (and province-only ones only the province), worker endpoints only workers; no answer is a
 * 5xx. A "yes" means the caller got past authorisation (the answer may still be 400 for the empty request).
 */
@ExtendWith(RunningSuite.class)
class AuthorizationMatrixTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Open to anyone, as each service's {@code netsec.security.public-paths} says. */
	private static final List<String> PUBLIC = List.of("quiz-service /api/sessions/", "quiz-service /api/campaign",
			"quiz-service /api/organisations", "quiz-service /api/privacy-notice", "quiz-service /api/winners",
			"lottery-service /api/fairness/", "reporting-service /api/sessions",
			"reporting-service /api/console");

	/** Admin endpoints for province admins only (union admins get 403): each service's province-paths. */
	private static final Set<String> PROVINCE_ONLY = Set.of("quiz-service POST /api/admin/questions/import",
			"quiz-service GET /api/admin/questions", "quiz-service GET /api/admin/questions/export",
			"quiz-service GET /api/admin/contact-access", "scoring-service GET /api/admin/integrity",
			"lottery-service PUT /api/admin/prizes/{campaignId}", "reporting-service GET /api/admin/report/snapshot",
			"reporting-service POST /api/admin/report/snapshot",
			"reporting-service POST /api/admin/report/snapshot/verification");

	private final Suite suite = RunningSuite.suite();

	@Test
	void everyEndpointAdmitsExactlyTheCallersItShould() {
		Tokens tokens = suite.context(Service.QUIZ).getBean(Tokens.class);
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("anonymous", null);
		callers.put("worker A", worker(Service.QUIZ, "13700002001", "harbin"));
		callers.put("worker B", worker(Service.QUIZ, "13700002002", "jixi"));
		callers.put("union admin X", tokens.issue(new Caller("staff-harbin", Role.UNION_ADMIN, "harbin")).token());
		callers.put("union admin Y", tokens.issue(new Caller("staff-jixi", Role.UNION_ADMIN, "jixi")).token());
		callers.put("province admin", tokens.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token());

		ApiOperations operations = ApiOperations.of(suite);
		assertThat(operations.all()).hasSizeGreaterThan(40);
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (ApiOperations.Operation operation : operations.all()) {
			if (operation.method().equals("DELETE") && operation.template().equals("/api/me")) {
				continue; // erasing worker A would change the rest of the matrix; WorkerRightsIntegrationTests has it
			}
			for (Map.Entry<String, String> caller : callers.entrySet()) {
				int status = call(operation, caller.getValue());
				checked++;
				boolean admitted = status != 401 && status != 403;
				boolean expected = expected(operation, caller.getKey());
				if (status >= 500 || admitted != expected) {
					wrong.add(operation + " as " + caller.getKey() + ": " + status + " (expected "
							+ (expected ? "admitted" : "refused") + ")");
				}
			}
		}
		assertThat(wrong).as("%d calls checked", checked).isEmpty();
	}

	@Test
	void aWorkerNeverSeesAnotherWorkersAttemptBalanceOrDraws() {
		WebTestClient quiz = ApiOperations.client(suite, Service.QUIZ);
		String a = worker(Service.QUIZ, "13700002011", "daqing");
		String b = worker(Service.QUIZ, "13700002012", "daqing");
		JsonNode paper = body(quiz.get().uri("/api/papers/today").headers(h -> h.setBearerAuth(a)).exchange()
			.expectStatus().isOk());
		Map<String, List<String>> answers = new LinkedHashMap<>();
		paper.get("questions").forEach(q -> answers.put(q.get("id").asString(),
				List.of(q.get("options").get(0).get("key").asString())));
		quiz.post().uri("/api/attempts").headers(h -> h.setBearerAuth(a)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("answers", answers)).exchange().expectStatus().isCreated();

		quiz.get().uri("/api/attempts/today").headers(h -> h.setBearerAuth(b)).exchange().expectStatus().isNotFound();
		assertThat(body(quiz.get().uri("/api/draws").headers(h -> h.setBearerAuth(b)).exchange().expectStatus().isOk())
			.size()).isZero();
		assertThat(body(quiz.get().uri("/api/me/data").headers(h -> h.setBearerAuth(b)).exchange().expectStatus().isOk())
			.get("attempts").size()).isZero();
		WebTestClient lottery = ApiOperations.client(suite, Service.LOTTERY);
		lottery.get().uri("/api/draws/" + java.util.UUID.randomUUID()).headers(h -> h.setBearerAuth(b)).exchange()
			.expectStatus().isNotFound();
	}

	private boolean expected(ApiOperations.Operation operation, String caller) {
		boolean open = PUBLIC.stream().anyMatch(prefix -> (operation.service().serviceName() + " " + operation.template())
			.startsWith(prefix));
		if (open) {
			return true;
		}
		if (caller.equals("anonymous")) {
			return false;
		}
		boolean admin = caller.contains("admin");
		if (operation.isAdmin()) {
			if (!admin) {
				return false;
			}
			return caller.equals("province admin") || !PROVINCE_ONLY.contains(operation.toString());
		}
		return !admin; // a worker endpoint: the caller's own data
	}

	private int call(ApiOperations.Operation operation, String token) {
		WebTestClient client = ApiOperations.client(suite, operation.service());
		WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(operation.method()))
			.uri(operation.path())
			.headers(h -> {
				if (token != null) {
					h.setBearerAuth(token);
				}
			});
		WebTestClient.RequestHeadersSpec<?> ready = operation.hasBody()
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}") : request;
		return ready.exchange().returnResult(String.class).getStatus().value();
	}

	/** A signed-in, registered worker's token. */
	private String worker(Service service, String phone, String union) {
		WebTestClient quiz = ApiOperations.client(suite, service);
		String code = body(quiz.post().uri("/api/sessions/phone/code").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", phone)).exchange()).get("demoCode").asString();
		String token = body(quiz.post().uri("/api/sessions/phone").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", phone, "code", code)).exchange().expectStatus().isOk()).get("token").asString();
		String consent = body(quiz.get().uri("/api/privacy-notice").exchange()).get("version").asString();
		quiz.post().uri("/api/registration").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("unionId", union, "orgId", union + "-0001", "name", "矩阵测试", "consent", true,
					"consentVersion", consent))
			.exchange().expectStatus().isOk();
		return token;
	}

	private static JsonNode body(WebTestClient.ResponseSpec response) {
		return json.readTree(response.expectBody().returnResult().getResponseBody());
	}

}
