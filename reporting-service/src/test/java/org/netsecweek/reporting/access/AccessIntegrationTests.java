package org.netsecweek.reporting.access;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.Admin;
import org.netsecweek.reporting.ReportingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint: a union admin asking for another union's data gets 403, a worker gets 403, nobody signed in gets
 * 401, and the province-only endpoints refuse union admins.
 */
@ReportingIntegrationTest
class AccessIntegrationTests {

	/** An activity of harbin in the demo campaign, inserted directly, which jixi's admin must not reach. */
	private static final UUID HARBIN_ACTIVITY = UUID.fromString("00000000-0000-4000-8000-00000000a001");

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Autowired
	DatabaseClient db;

	static Stream<Arguments> otherUnionRequests() {
		String activity = "/api/admin/activities/" + HARBIN_ACTIVITY;
		return Stream.of(Arguments.of(HttpMethod.GET, "/api/admin/progress?unionId=harbin", null),
				Arguments.of(HttpMethod.GET, "/api/admin/report?campaignId=hlj-2022&unionId=harbin", null),
				Arguments.of(HttpMethod.GET, "/api/admin/exports/progress.xlsx?unionId=harbin", null),
				Arguments.of(HttpMethod.GET, "/api/admin/exports/progress.csv?unionId=harbin", null),
				Arguments.of(HttpMethod.GET, "/api/admin/exports/organisations.csv?unionId=harbin", null),
				Arguments.of(HttpMethod.GET, "/api/admin/exports/brief?unionId=harbin", null),
				Arguments.of(HttpMethod.GET, "/api/admin/activities?unionId=harbin", null),
				Arguments.of(HttpMethod.GET, activity, null),
				Arguments.of(HttpMethod.PUT, activity, Map.of("orgId", "harbin-0001", "date", "2022-09-06", "form",
						"进企业", "participants", 5, "description", "改写别人的活动")),
				Arguments.of(HttpMethod.DELETE, activity, null),
				Arguments.of(HttpMethod.POST, "/api/admin/activities", Map.of("requestId", "r-1", "unionId", "harbin",
						"orgId", "harbin-0001", "date", "2022-09-06", "form", "进企业", "participants", 5,
						"description", "替别人填报")),
				Arguments.of(HttpMethod.GET, "/api/admin/report/snapshot?campaignId=hlj-2022", null),
				Arguments.of(HttpMethod.POST, "/api/admin/report/snapshot?campaignId=hlj-2022", null),
				Arguments.of(HttpMethod.POST, "/api/admin/report/snapshot/verification?campaignId=hlj-2022", null));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("otherUnionRequests")
	void aUnionAdminIsForbiddenAnotherUnionsData(HttpMethod method, String uri, Map<String, Object> body) {
		harbinActivity();
		request(method, uri, body, Admin.ofUnion(tokens, "jixi")).expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").value(title -> org.assertj.core.api.Assertions.assertThat(title.toString())
				.matches("无权访问其他工会的数据|仅限省总工会管理员"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("otherUnionRequests")
	void aWorkerIsForbiddenAndNobodySignedInIsUnauthenticated(HttpMethod method, String uri,
			Map<String, Object> body) {
		String worker = tokens.issue(new Caller(UUID.randomUUID().toString(), Role.WORKER, null)).token();
		request(method, uri, body, worker).expectStatus().isForbidden();
		request(method, uri, body, null).expectStatus().isUnauthorized();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("otherUnionRequests")
	void theProvinceAdminIsNeverForbidden(HttpMethod method, String uri, Map<String, Object> body) {
		harbinActivity();
		request(method, uri, body, Admin.province(tokens)).expectStatus()
			.value(status -> org.assertj.core.api.Assertions.assertThat(status).isNotIn(401, 403, 500));
	}

	private void harbinActivity() {
		db.sql("INSERT INTO offline_activity (id, campaign_id, union_id, org_id, activity_date, form, participants, "
				+ "description, request_id, recorded_by) VALUES (:id, :campaign, 'harbin', 'harbin-0001', "
				+ "current_date, '进企业', 10, '宣讲', 'access-test', 'harbin-admin') ON CONFLICT DO NOTHING")
			.bind("id", HARBIN_ACTIVITY)
			.bind("campaign", Campaigns.DEMO_ID)
			.then()
			.block();
	}

	private WebTestClient.ResponseSpec request(HttpMethod method, String uri, Map<String, Object> body, String token) {
		WebTestClient.RequestBodySpec spec = web.method(method).uri(uri).headers(h -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		});
		return body == null ? spec.exchange() : spec.bodyValue(body).exchange();
	}
}
