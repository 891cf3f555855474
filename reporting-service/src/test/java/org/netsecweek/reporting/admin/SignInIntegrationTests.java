package org.netsecweek.reporting.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.ProgressView;
import org.netsecweek.reporting.ReportingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@ReportingIntegrationTest
class SignInIntegrationTests {

	private static final String PASSWORD = "安全周-Correct-Horse-2022";

	/** Cost 4 keeps the test fast; production hashes use 10 or more. */
	private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	@DynamicPropertySource
	static void accounts(DynamicPropertyRegistry registry) {
		registry.add("netsec.admin.accounts[0].username", () -> "province");
		registry.add("netsec.admin.accounts[0].password-hash", () -> HASH);
		registry.add("netsec.admin.accounts[0].role", () -> "PROVINCE_ADMIN");
		registry.add("netsec.admin.accounts[1].username", () -> "harbin-admin");
		registry.add("netsec.admin.accounts[1].password-hash", () -> HASH);
		registry.add("netsec.admin.accounts[1].role", () -> "UNION_ADMIN");
		registry.add("netsec.admin.accounts[1].union-id", () -> "harbin");
	}

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Test
	void theRightPasswordGivesATokenThatOpensTheWholeProvincesProgress() {
		web.post()
			.uri("/api/sessions")
			.bodyValue(Map.of("username", "province", "password", PASSWORD))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.token").isNotEmpty()
			.jsonPath("$.expiresAt").isNotEmpty()
			.jsonPath("$.role").isEqualTo("PROVINCE_ADMIN")
			.jsonPath("$.unionId").doesNotExist();

		ProgressView progress = progress(signIn("province"), "");
		assertThat(progress.campaignId()).isEqualTo("demo");
		assertThat(progress.unions()).hasSize(14);
		assertThat(progress.unions().get(0).unionId()).isEqualTo("harbin");
		assertThat(progress.unions().get(13).unionId()).isEqualTo("industry");
		assertThat(progress.total().targetOrganisations()).isEqualTo(40);
		assertThat(progress.total().targetWorkers()).isEqualTo(10000);
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameProblem() {
		byte[] wrongPassword = refusedSignIn("province", PASSWORD + "x");
		byte[] unknownUser = refusedSignIn("nobody", PASSWORD);

		assertThat(new String(wrongPassword)).contains("\"title\":\"用户名或密码错误\"", "\"status\":401");
		assertThat(unknownUser).isEqualTo(wrongPassword);
	}

	@Test
	void aUnionAdminSeesOnlyTheirUnionAndTheirOwnTotal() {
		ProgressView progress = progress(signIn("harbin-admin"), "?campaignId=hlj-2022");

		assertThat(progress.campaignId()).isEqualTo("hlj-2022");
		assertThat(progress.deadline()).isEqualTo("2022-09-12T10:00:00+08:00");
		assertThat(progress.unions()).extracting(ProgressView.Row::unionId).containsExactly("harbin");
		assertThat(progress.total().targetOrganisations()).isEqualTo(6);
		assertThat(progress.total().targetWorkers()).isEqualTo(1400);
	}

	@Test
	void blankFieldsAreRefusedNamingTheField() {
		web.post()
			.uri("/api/sessions")
			.bodyValue(Map.of("username", " ", "password", ""))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("username", "password"))
			.jsonPath("$.errors[?(@.field == 'password')].message").isEqualTo("请填写密码");
	}

	@Test
	void aWorkerTokenIsForbiddenTheProgressAndNoTokenIsUnauthenticated() {
		String worker = tokens.issue(new Caller(UUID.randomUUID().toString(), Role.WORKER, null)).token();

		web.get()
			.uri("/api/admin/progress")
			.headers(h -> h.setBearerAuth(worker))
			.exchange()
			.expectStatus().isForbidden()
			.expectBody()
			.jsonPath("$.code").isEqualTo("forbidden");
		web.get().uri("/api/admin/progress").exchange().expectStatus().isUnauthorized();
	}

	private String signIn(String username) {
		return web.post()
			.uri("/api/sessions")
			.bodyValue(Map.of("username", username, "password", PASSWORD))
			.exchange()
			.expectStatus().isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token")
			.toString();
	}

	private byte[] refusedSignIn(String username, String password) {
		return web.post()
			.uri("/api/sessions")
			.bodyValue(Map.of("username", username, "password", password))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	private ProgressView progress(String token, String query) {
		return web.get()
			.uri("/api/admin/progress" + query)
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus().isOk()
			.expectBody(ProgressView.class)
			.returnResult()
			.getResponseBody();
	}
}
