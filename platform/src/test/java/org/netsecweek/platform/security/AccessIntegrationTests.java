package org.netsecweek.platform.security;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.PlatformIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformIntegrationTest
class AccessIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Test
	void publicPathsHealthAndMetricsNeedNoToken() {
		web.get().uri("/open/hello").exchange().expectStatus().isOk();
		web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		web.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
	}

	@Test
	void anApiWithoutATokenIsRefusedWithAProblem() {
		web.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(401)
			.jsonPath("$.code").isEqualTo("unauthenticated");
	}

	@Test
	void aForgedOrGarbledTokenIsRefused() {
		String token = worker();
		String forged = token.substring(0, token.length() - 4) + "AAAA";
		web.get().uri("/api/me").headers(h -> h.setBearerAuth(forged)).exchange().expectStatus().isUnauthorized();
		web.get().uri("/api/me").headers(h -> h.setBearerAuth("garbage")).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aWorkerMayCallTheApiButNotTheAdminApi() {
		String token = worker();
		web.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
		web.get()
			.uri("/api/admin/things")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code").isEqualTo("forbidden");
	}

	@Test
	void unionAndProvinceAdminsMayCallTheAdminApi() {
		for (Caller admin : new Caller[] { new Caller("hrb-admin", Role.UNION_ADMIN, "harbin"),
				new Caller("province", Role.PROVINCE_ADMIN, null) }) {
			String token = tokens.issue(admin).token();
			web.get().uri("/api/admin/things").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
		}
	}

	private String worker() {
		return tokens.issue(new Caller(UUID.randomUUID().toString(), Role.WORKER, null)).token();
	}
}
