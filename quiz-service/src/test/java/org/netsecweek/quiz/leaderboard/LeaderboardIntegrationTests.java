package org.netsecweek.quiz.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The boards workers see, with points arriving from scoring-service through the broker. */
@QuizIntegrationTest
class LeaderboardIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebTestClient web;

	@Autowired
	OutboxSettings topics;

	@Autowired
	Tokens tokens;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aUnionsBoardShowsMaskedNamesSharedRanksAndHonoursAnOptOut() {
		Phone first = withPoints(Phone.signIn(web, "daxinganling", "daxinganling-0001"), 30);
		Phone tiedShown = withPoints(Phone.signIn(web, "daxinganling", "daxinganling-0001"), 20);
		Phone tiedHidden = withPoints(Phone.signIn(web, "daxinganling", "daxinganling-0001"), 20);
		Phone last = withPoints(Phone.signIn(web, "daxinganling", "daxinganling-0001"), 5);
		web.put().uri("/api/me/leaderboard").headers(h -> h.setBearerAuth(tiedHidden.token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("shown", false)).exchange()
			.expectStatus().isOk();

		JsonNode board = last.get("/api/leaderboard?scope=union");

		assertThat(board.get("unionName").asString()).isEqualTo("大兴安岭地区");
		assertThat(board.get("entries").valueStream().map(e -> e.get("rank").asInt() + ":" + e.get("points").asInt()))
			.containsExactly("1:30", "2:20", "3:5");
		assertThat(board.get("entries").valueStream().map(e -> e.get("name").asString()))
			.allMatch(name -> name.contains("*") && !name.equals("测试职工"));
		assertThat(board.get("me").get("rank").asInt()).isEqualTo(3);
		assertThat(board.get("me").get("shown").asBoolean()).isTrue();

		JsonNode hidden = tiedHidden.get("/api/leaderboard?scope=union").get("me");
		assertThat(hidden.get("rank").asInt()).as("an opted-out worker still sees their own place").isEqualTo(2);
		assertThat(hidden.get("shown").asBoolean()).isFalse();
		assertThat(first.get("/api/leaderboard?scope=union").get("me").get("rank").asInt()).isEqualTo(1);
		assertThat(tiedShown.get("/api/leaderboard?scope=province").get("unions").valueStream()
			.filter(union -> union.get("unionId").asString().equals("daxinganling"))
			.map(union -> union.get("averagePoints").asDouble())).containsExactly(18.75);
	}

	@Test
	void badRequestsAndOtherUnionsAreRefused() {
		Phone worker = Phone.signIn(web, "daxinganling", "daxinganling-0001");
		web.get().uri("/api/leaderboard?scope=city").headers(h -> h.setBearerAuth(worker.token)).exchange()
			.expectStatus().isBadRequest();
		web.put().uri("/api/me/leaderboard").headers(h -> h.setBearerAuth(worker.token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
			.expectStatus().isBadRequest();
		Phone unregistered = Phone.signInOnly(web, "13900001234");
		web.get().uri("/api/leaderboard").headers(h -> h.setBearerAuth(unregistered.token)).exchange()
			.expectStatus().isForbidden();
		String harbin = tokens.issue(new Caller("staff-harbin", Role.UNION_ADMIN, "harbin")).token();
		web.get().uri("/api/admin/leaderboard?unionId=daxinganling").headers(h -> h.setBearerAuth(harbin)).exchange()
			.expectStatus().isForbidden();
		web.get().uri("/api/admin/leaderboard").headers(h -> h.setBearerAuth(harbin)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.unionName").isEqualTo("哈尔滨市");
	}

	private Phone withPoints(Phone phone, int total) {
		new KafkaProbe(bootstrapServers).send(topics.topic(Topics.POINTS_AWARDED), phone.id.toString(),
				json.writeValueAsString(new PointsAwarded(UUID.randomUUID(), Instant.now(), "demo",
						PointsAwarded.SCHEMA_VERSION, phone.id, UUID.randomUUID(), LocalDate.now(), total, total,
						total / 10, 1L, null)));
		await().atMost(Duration.ofSeconds(30)).until(() -> phone.get("/api/balance").get("total").asInt() == total);
		return phone;
	}
}
