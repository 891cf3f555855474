package org.netsecweek.quiz.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** WeChat against a stand-in of its API, phone numbers with one-time codes, and registration. */
@QuizIntegrationTest(properties = { "spring.config.name=quiz-service", "netsec.quiz.sign-in.wechat.enabled=true",
		"netsec.quiz.sign-in.wechat.timeout=1s", "netsec.quiz.sign-in.phone.max-failures=3" })
class SignInAndRegistrationIntegrationTests {

	private static final WeChatStandIn weChat = new WeChatStandIn();

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	@DynamicPropertySource
	static void weChat(DynamicPropertyRegistry registry) {
		registry.add("netsec.quiz.sign-in.wechat.api-base", weChat::address);
	}

	@AfterAll
	static void stop() {
		weChat.close();
	}

	@Test
	void aWeChatCodeSignsInTheSameWorkerEveryTimeWhoMustRegisterFirst() {
		JsonNode first = body(post("/api/sessions/wechat", Map.of("code", "alice")).expectStatus().isOk());
		JsonNode again = body(post("/api/sessions/wechat", Map.of("code", "alice")).expectStatus().isOk());

		assertThat(first.get("workerId")).isEqualTo(again.get("workerId"));
		assertThat(first.get("registered").asBoolean()).isFalse();
		web.get().uri("/api/papers/today").headers(h -> h.setBearerAuth(first.get("token").asString())).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("worker-not-registered");
		// submitting reads the worker and the paper in one statement: an unregistered worker is refused there too
		web.post().uri("/api/attempts").headers(h -> h.setBearerAuth(first.get("token").asString()))
			.bodyValue(Map.of("answers", Map.of("pipl-001", List.of("B")))).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("worker-not-registered");
	}

	@Test
	void weChatsCodeErrorsAndOutagesAreProblemsTheWorkerCanActOn() {
		for (String code : new String[] { "invalid", "used", "expired" }) {
			post("/api/sessions/wechat", Map.of("code", code)).expectStatus().isUnauthorized()
				.expectBody().jsonPath("$.code").isEqualTo("wechat-code-rejected");
		}
		for (String code : new String[] { "busy", "slow" }) {
			post("/api/sessions/wechat", Map.of("code", code)).expectStatus().isEqualTo(503)
				.expectHeader().exists("Retry-After")
				.expectBody().jsonPath("$.code").isEqualTo("wechat-unavailable");
		}
	}

	@Test
	void aPhoneCodeSignsInOnceAndOnlyWithinItsLimits() {
		String phone = phone();
		String code = body(post("/api/sessions/phone/code", Map.of("phone", phone)).expectStatus().isAccepted())
			.get("demoCode").asString();
		post("/api/sessions/phone/code", Map.of("phone", phone)).expectStatus().isEqualTo(429)
			.expectHeader().exists("Retry-After");

		JsonNode session = body(post("/api/sessions/phone", Map.of("phone", phone, "code", code)).expectStatus().isOk());
		assertThat(session.get("registered").asBoolean()).isFalse();
		post("/api/sessions/phone", Map.of("phone", phone, "code", code)).expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.code").isEqualTo("code-rejected");
	}

	@Test
	void wrongGuessesVoidTheCode() {
		String phone = phone();
		String code = body(post("/api/sessions/phone/code", Map.of("phone", phone)).expectStatus().isAccepted())
			.get("demoCode").asString();
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 3; i++) {
			post("/api/sessions/phone", Map.of("phone", phone, "code", wrong)).expectStatus().isUnauthorized();
		}
		post("/api/sessions/phone", Map.of("phone", phone, "code", code)).expectStatus().isUnauthorized();
	}

	@Test
	void malformedNumbersAndCodesAreNamed() {
		post("/api/sessions/phone/code", Map.of("phone", "12345")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("phone")
			.jsonPath("$.errors[0].message").isEqualTo("请输入11位手机号");
		post("/api/sessions/phone", Map.of("phone", phone(), "code", "12")).expectStatus().isBadRequest();
	}

	@Test
	void registrationKeepsNameAndPhoneSealedAndShowsThemMasked() {
		Phone phone = Phone.signIn(web, "harbin", "harbin-0002");

		JsonNode me = phone.get("/api/me");
		assertThat(me.get("registered").asBoolean()).isTrue();
		assertThat(me.get("name").asString()).isEqualTo("测**工");
		assertThat(me.get("phone").asString()).isEqualTo(phone.number.substring(0, 3) + "****" + phone.number.substring(7));
		String row = db.sql("SELECT row_to_json(w)::text AS j FROM worker w WHERE id = :id").bind("id", phone.id)
			.map(r -> r.get("j", String.class)).one().block();
		assertThat(row).doesNotContain(phone.number, "测试职工", "\\x" + hex("测试职工"));
	}

	@Test
	void onePhoneOneAccount() {
		Phone first = Phone.signIn(web, "harbin", "harbin-0001");
		String token = body(post("/api/sessions/wechat", Map.of("code", "bob")).expectStatus().isOk()).get("token").asString();

		register(token, Map.of("unionId", "harbin", "orgId", "harbin-0001", "name", "王小二", "phone", first.number,
				"consent", true, "consentVersion", "2022-2"))
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("phone-already-registered");
		register(token, Map.of("unionId", "harbin", "orgId", "harbin-0001", "name", "王小二", "phone", phone(),
				"consent", true, "consentVersion", "2022-2"))
			.expectStatus().isOk();
		register(token, Map.of("unionId", "harbin", "orgId", "harbin-0001", "name", "王小二", "phone", phone(),
				"consent", true, "consentVersion", "2022-2"))
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("already-registered");
	}

	@Test
	void registrationNeedsConsentAndAnOrganisationOfTheUnion() {
		String token = body(post("/api/sessions/wechat", Map.of("code", "carol")).expectStatus().isOk()).get("token").asString();
		register(token, Map.of("unionId", "harbin", "orgId", "daqing-0001", "name", "李四", "phone", phone(),
				"consent", true, "consentVersion", "2022-2"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("请选择所在工会名录中的基层工会组织。");
		register(token, Map.of("unionId", "harbin", "orgId", "harbin-0001", "name", "李四", "phone", phone(),
				"consent", false, "consentVersion", "2022-2"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].message").isEqualTo("需要同意个人信息保护说明才能参加答题");
		web.get().uri("/api/privacy-notice").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo("2022-2");
	}

	private WebTestClient.ResponseSpec register(String token, Object body) {
		return web.post().uri("/api/registration").headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static String hex(String text) {
		return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private WebTestClient.ResponseSpec post(String uri, Object body) {
		return web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static JsonNode body(WebTestClient.ResponseSpec response) {
		return Phone.read(response.expectBody().returnResult().getResponseBody());
	}

	static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}
}
