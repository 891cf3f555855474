package org.netsecweek.quiz.winner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@QuizIntegrationTest
class WinnersIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	JsonMapper json;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void everyoneSeesWinnersMaskedAndOnlyDeliveryStaffSeeContactDetailsEachLookRecorded() {
		Phone first = win(Phone.signIn(web, "shuangyashan", "shuangyashan-0001"));
		Phone second = win(Phone.signIn(web, "qiqihar", "qiqihar-0001"));

		String list = new String(web.get().uri("/api/winners").exchange().expectStatus().isOk().expectBody()
			.returnResult().getResponseBody());
		assertThat(list).contains("测**工", first.number.substring(0, 3) + "****" + first.number.substring(7), "双鸭山市")
			.doesNotContain(first.number, second.number, "测试职工");

		String unionAdmin = tokens.issue(new Caller("sys-admin", Role.UNION_ADMIN, "shuangyashan")).token();
		web.get().uri("/api/admin/deliveries").headers(h -> h.setBearerAuth(unionAdmin)).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("purpose-required");
		web.get().uri("/api/admin/deliveries?purpose=寄送奖品").headers(h -> h.setBearerAuth(unionAdmin)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.length()").isEqualTo(1)
			.jsonPath("$[0].name").isEqualTo("测试职工")
			.jsonPath("$[0].phone").isEqualTo(first.number);
		web.get().uri("/api/admin/deliveries?unionId=qiqihar&purpose=寄送奖品").headers(h -> h.setBearerAuth(unionAdmin)).exchange()
			.expectStatus().isForbidden();
		web.get().uri("/api/admin/deliveries").headers(h -> h.setBearerAuth(first.token)).exchange()
			.expectStatus().isForbidden();
		String province = tokens.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token();
		web.get().uri("/api/admin/deliveries?unionId=qiqihar&purpose=寄送奖品").headers(h -> h.setBearerAuth(province)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].phone").isEqualTo(second.number);

		assertThat(db.sql("SELECT admin || ':' || coalesce(union_id, '-') || ':' || people AS a FROM contact_access "
				+ "ORDER BY id").map(row -> row.get("a", String.class)).all().collectList().block())
			.containsExactly("sys-admin:shuangyashan:1", "province:qiqihar:1");
	}

	/** The worker gets a draw and lottery-service announces a prize for it. */
	private Phone win(Phone phone) {
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		kafka.send(topics.topic(Topics.POINTS_AWARDED), phone.id.toString(), json.writeValueAsString(new PointsAwarded(
				UUID.randomUUID(), Instant.now(), "demo", 1, phone.id, UUID.randomUUID(), LocalDate.now(), 10, 10, 1, 1L, null)));
		await().atMost(Duration.ofSeconds(30)).until(() -> phone.get("/api/balance").get("drawsAvailable").asInt() == 1);
		String drawId = Phone.read(phone.draw(1).expectStatus().isAccepted().expectBody().returnResult()
			.getResponseBody()).get("drawId").asString();
		kafka.send(topics.topic(Topics.DRAW_COMPLETED), phone.id.toString(), json.writeValueAsString(new DrawCompleted(
				UUID.randomUUID(), Instant.now(), "demo", 1, phone.id, UUID.fromString(drawId), DrawOutcome.PRIZE,
				"power-bank", "充电宝", null, "c", "h", "l")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> phone.get("/api/draws/" + drawId).get("status").asString().equals("PRIZE"));
		return phone;
	}

}
