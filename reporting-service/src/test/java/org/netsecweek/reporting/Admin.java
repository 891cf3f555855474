package org.netsecweek.reporting;

import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Tokens of admins and the progress as they see it, for integration tests. */
public final class Admin {

	private Admin() {
	}

	public static String province(Tokens tokens) {
		return tokens.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token();
	}

	public static String ofUnion(Tokens tokens, String unionId) {
		return tokens.issue(new Caller(unionId + "-admin", Role.UNION_ADMIN, unionId)).token();
	}

	public static ProgressView progress(WebTestClient web, String token, String campaignId) {
		return web.get()
			.uri("/api/admin/progress?campaignId=" + campaignId)
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus().isOk()
			.expectBody(ProgressView.class)
			.returnResult()
			.getResponseBody();
	}
}
