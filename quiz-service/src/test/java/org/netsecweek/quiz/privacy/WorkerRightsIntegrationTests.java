package org.netsecweek.quiz.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A worker sees what is held about them and withdraws consent; province admins see who looked at contacts. */
@QuizIntegrationTest
class WorkerRightsIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	@Autowired
	Tokens tokens;

	@Test
	void aWorkerSeesEverythingHeldThenErasesItAndTheParticipationStays() {
		Phone phone = Phone.signIn(web, "jiamusi", "jiamusi-0001");
		phone.submit(Phone.answers(phone.paper(), Map.of()), null).expectStatus().isCreated();

		JsonNode held = phone.get("/api/me/data");
		assertThat(held.get("name").asString()).isEqualTo("测试职工");
		assertThat(held.get("phone").asString()).isEqualTo(phone.number);
		assertThat(held.get("orgId").asString()).isEqualTo("jiamusi-0001");
		assertThat(held.get("consentVersion").asString()).isEqualTo(PrivacyNotice.CURRENT.version());
		assertThat(held.get("attempts").size()).isEqualTo(1);
		assertThat(held.get("signInByPhone").asBoolean()).isTrue();

		web.delete().uri("/api/me").headers(h -> h.setBearerAuth(phone.token)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.message").value(m -> assertThat(m.toString()).startsWith("你的姓名和手机号已删除"));

		assertThat(db.sql("SELECT name_sealed IS NULL AND phone_sealed IS NULL AND consent_version IS NULL "
				+ "AND registered_at IS NULL AND NOT on_leaderboard AND erasure_reason = 'worker-request' AS erased, "
				+ "phone_hash IS NOT NULL AS findable, (SELECT count(*) FROM attempt a WHERE a.worker_id = w.id) AS attempts "
				+ "FROM worker w WHERE id = :id")
			.bind("id", phone.id)
			.map(row -> row.get("erased") + "/" + row.get("findable") + "/" + row.get("attempts"))
			.one()
			.block()).isEqualTo("true/true/1");
		JsonNode after = phone.get("/api/me/data");
		assertThat(after.get("name").isNull()).isTrue();
		assertThat(after.get("phone").isNull()).isTrue();
		assertThat(phone.get("/api/me").get("registered").asBoolean()).isFalse();
		web.get().uri("/api/papers/today").headers(h -> h.setBearerAuth(phone.token)).exchange()
			.expectStatus().isForbidden();

		web.delete().uri("/api/me").headers(h -> h.setBearerAuth(phone.token)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.message").isEqualTo("你的个人信息此前已删除，无需再次操作。");
	}

	@Test
	void onlyProvinceAdminsReadTheContactAccessLogAndItSaysWhoWhenAndHowMany() {
		String union = tokens.issue(new Caller("staff-jiamusi", Role.UNION_ADMIN, "jiamusi")).token();
		String province = tokens.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token();
		web.get().uri("/api/admin/deliveries?purpose=电话通知中奖职工").headers(h -> h.setBearerAuth(union)).exchange()
			.expectStatus().isOk();

		web.get().uri("/api/admin/contact-access").headers(h -> h.setBearerAuth(union)).exchange()
			.expectStatus().isForbidden();
		web.get().uri("/api/admin/contact-access").headers(h -> h.setBearerAuth(province)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].admin").isEqualTo("staff-jiamusi")
			.jsonPath("$[0].unionId").isEqualTo("jiamusi")
			.jsonPath("$[0].purpose").isEqualTo("电话通知中奖职工")
			.jsonPath("$[0].accessedAt").isNotEmpty();
		web.get().uri("/api/me/data").headers(h -> h.setBearerAuth(province)).exchange().expectStatus().isForbidden();
	}
}
