package org.netsecweek.reporting.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.Admin;
import org.netsecweek.reporting.ProgressView;
import org.netsecweek.reporting.ReportingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Offline activities in the demo campaign (running), and in hlj-2022 (past its deadline). */
@ReportingIntegrationTest
class ActivityIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Autowired
	Campaigns campaigns;

	@Test
	void anOfflineActivityCountsItsOrganisationAndParticipantsAndCanBeChangedAndRemoved() {
		CampaignDefinition demo = campaigns.get(Campaigns.DEMO_ID);
		String admin = Admin.ofUnion(tokens, "hegang");
		Map<String, Object> body = activity(demo.startsOn().plusDays(1), "hegang-0002", 35);

		Map<?, ?> created = web.post().uri("/api/admin/activities").headers(h -> h.setBearerAuth(admin))
			.bodyValue(body).exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(created.get("unionId")).isEqualTo("hegang");
		assertThat(created.get("orgName")).isEqualTo("鹤岗市示例基层工会2（演示数据）");
		// the same request again (a retry after a lost answer) gives the same activity
		web.post().uri("/api/admin/activities").headers(h -> h.setBearerAuth(admin)).bodyValue(body).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(created.get("id").toString());

		ProgressView.Row hegang = progress().union("hegang");
		assertThat(hegang.organisationsActive()).isEqualTo(1); // counted by the offline activity alone
		assertThat(hegang.offlineActivities()).isEqualTo(1);
		assertThat(hegang.offlineParticipants()).isEqualTo(35);
		assertThat(hegang.day(demo.startsOn().plusDays(1)).organisationsActive()).isEqualTo(1);
		assertThat(hegang.day(demo.startsOn().plusDays(1)).offlineParticipants()).isEqualTo(35);

		Map<String, Object> change = new HashMap<>(body);
		change.put("participants", 50);
		change.put("date", demo.startsOn().plusDays(2).toString());
		web.put().uri("/api/admin/activities/" + created.get("id")).headers(h -> h.setBearerAuth(admin))
			.bodyValue(change).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.participants").isEqualTo(50);
		assertThat(progress().union("hegang").day(demo.startsOn().plusDays(2)).offlineParticipants()).isEqualTo(50);
		web.get().uri("/api/admin/activities?campaignId=demo").headers(h -> h.setBearerAuth(admin)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(1);

		web.delete().uri("/api/admin/activities/" + created.get("id")).headers(h -> h.setBearerAuth(admin)).exchange()
			.expectStatus().isNoContent();
		assertThat(progress().union("hegang").organisationsActive()).isZero();
		web.get().uri("/api/admin/activities/" + created.get("id")).headers(h -> h.setBearerAuth(admin)).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("activity-not-found");
	}

	@Test
	void invalidActivitiesAreRefusedWithChineseProblems() {
		CampaignDefinition demo = campaigns.get(Campaigns.DEMO_ID);
		String admin = Admin.ofUnion(tokens, "hegang");

		refused(admin, activity(demo.endsOn().plusDays(1), "hegang-0001", 10), 400, "date-outside-window")
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("活动日期须在"));
		refused(admin, activity(demo.startsOn(), "jixi-0001", 10), 400, "organisation-of-other-union");
		refused(admin, activity(demo.startsOn(), "hegang-9999", 10), 400, "unknown-organisation");
		refused(admin, activity(demo.startsOn(), "hegang-0001", 0), 400, "invalid-request")
			.jsonPath("$.errors[0].message").isEqualTo("参加人数须为正整数");
		Map<String, Object> blank = activity(demo.startsOn(), "hegang-0001", 5);
		blank.put("description", " ");
		refused(admin, blank, 400, "invalid-request").jsonPath("$.errors[0].field").isEqualTo("description");
		Map<String, Object> other = activity(demo.startsOn(), "jixi-0001", 5);
		other.put("unionId", "jixi");
		refused(admin, other, 403, "other-union");
	}

	@Test
	void aRequestIdUsedForADifferentActivityIsAConflict() {
		CampaignDefinition demo = campaigns.get(Campaigns.DEMO_ID);
		String admin = Admin.ofUnion(tokens, "industry");
		Map<String, Object> first = activity(demo.startsOn(), "industry-0002", 12);
		web.post().uri("/api/admin/activities").headers(h -> h.setBearerAuth(admin)).bodyValue(first).exchange()
			.expectStatus().isCreated();
		Map<String, Object> second = new HashMap<>(first);
		second.put("participants", 13);

		refused(admin, second, 409, "request-id-reused");
	}

	@Test
	void afterTheDeadlineActivitiesAreFrozen() {
		String admin = Admin.ofUnion(tokens, "harbin");
		Map<String, Object> body = activity(LocalDate.of(2022, 9, 8), "harbin-0001", 20);
		body.put("campaignId", "hlj-2022");

		refused(admin, body, 409, "activities-frozen")
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("已随报表封存"));
	}

	private WebTestClient.BodyContentSpec refused(String token, Map<String, Object> body, int status, String code) {
		return web.post().uri("/api/admin/activities").headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange()
			.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo(code);
	}

	private ProgressView progress() {
		return Admin.progress(web, Admin.province(tokens), Campaigns.DEMO_ID);
	}

	static Map<String, Object> activity(LocalDate date, String org, int participants) {
		Map<String, Object> body = new HashMap<>();
		body.put("requestId", UUID.randomUUID().toString());
		body.put("campaignId", Campaigns.DEMO_ID);
		body.put("orgId", org);
		body.put("date", date.toString());
		body.put("form", "进车间");
		body.put("participants", participants);
		body.put("description", "在生产车间开展个人信息保护宣讲，发放宣传折页。");
		return body;
	}
}
