package org.netsecweek.quiz.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.EventFixtures;
import org.netsecweek.events.Topics;
import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@QuizIntegrationTest
class DrawAndBalanceIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("updateBalance")
	EventHandler<PointsAwarded> updateBalance;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void theBalanceFollowsPointsAwardedAndNeverMovesBack() {
		Phone phone = Phone.signIn(web, "harbin", "harbin-0003");
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);

		kafka.send(topics.topic(Topics.POINTS_AWARDED), phone.id.toString(), points(phone.id, 21, 2), points(phone.id, 13, 1));

		await().atMost(Duration.ofSeconds(30)).until(() -> phone.get("/api/balance").get("total").asInt() == 21);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
			.until(() -> phone.get("/api/balance").get("total").asInt() == 21);
		JsonNode balance = phone.get("/api/balance");
		assertThat(balance.get("drawsEarned").asInt()).isEqualTo(2);
		assertThat(balance.get("drawsAvailable").asInt()).isEqualTo(2);
	}

	/**
	 * The consumer takes a polled batch in one transaction: repeats inside a batch and across concurrent redeliveries
	 * of overlapping batches count once, and a worker's several events in one batch end at the newest.
	 */
	@Test
	void aBatchOfPointsCountsEachEventOnceHoweverOftenAndHoweverConcurrentlyItIsRedelivered() throws Exception {
		Phone phone = Phone.signIn(web, "harbin", "harbin-0001");
		Phone other = Phone.signIn(web, "harbin", "harbin-0002");
		PointsAwarded first = sequenced(phone.id, 10, 1, 1);
		PointsAwarded second = sequenced(phone.id, 20, 2, 2);
		PointsAwarded third = sequenced(phone.id, 30, 3, 3);
		PointsAwarded others = sequenced(other.id, 10, 1, 1);
		List<List<PointsAwarded>> redeliveries = List.of(List.of(second, first, third, others, first),
				List.of(third, second), List.of(others, first, second, third), List.of(first));

		Concurrently.run(32, i -> updateBalance.take(redeliveries.get(i % redeliveries.size())));

		assertThat(db.sql("SELECT total, draws_earned, booked_attempts FROM balance WHERE worker_id = :w")
			.bind("w", phone.id)
			.map(row -> List.of(row.get("total", Integer.class), row.get("draws_earned", Integer.class),
					row.get("booked_attempts", Integer.class)))
			.one()
			.block()).containsExactly(30, 3, 3);
		JsonNode balance = other.get("/api/balance");
		assertThat(balance.get("total").asInt()).isEqualTo(10);
		assertThat(phone.get("/api/balance").get("total").asInt()).isEqualTo(30);
	}

	/** One statement per round of a batch, two when a round mixes schemas: each worker keeps its schema's rule. */
	@Test
	void aBatchMixingSchemasKeepsEachWorkersRule() {
		Phone sequenced = Phone.signIn(web, "harbin", "harbin-0001");
		Phone legacy = Phone.signIn(web, "harbin", "harbin-0002");
		// schema 1 takes the larger total whatever the order; the sequenced rule would keep the first
		PointsAwarded legacySmaller = new PointsAwarded(UUID.randomUUID(), Instant.now(), "demo", 1, legacy.id,
				UUID.randomUUID(), LocalDate.now(), 10, 10, 1, null, null);
		PointsAwarded legacyLarger = new PointsAwarded(UUID.randomUUID(), Instant.now(), "demo", 1, legacy.id,
				UUID.randomUUID(), LocalDate.now(), 10, 30, 3, null, null);

		updateBalance.take(List.of(sequenced(sequenced.id, 20, 2, 2), legacySmaller, sequenced(sequenced.id, 10, 1, 1),
				legacyLarger));

		assertThat(List.of(sequenced.get("/api/balance").get("total").asInt(),
				legacy.get("/api/balance").get("total").asInt())).containsExactly(20, 30);
		assertThat(db.sql("SELECT sum(booked_attempts) AS n FROM balance WHERE worker_id IN (:a, :b)")
			.bind("a", sequenced.id)
			.bind("b", legacy.id)
			.map(row -> row.get("n", Long.class))
			.one()
			.block()).isEqualTo(4);
	}

	@Test
	void drawsNeverExceedWhatTheBalanceAllowsAndADoubleTapIsOneDraw() throws Exception {
		Phone phone = Phone.signIn(web, "suihua", "suihua-0001");
		new KafkaProbe(bootstrapServers).send(topics.topic(Topics.POINTS_AWARDED), phone.id.toString(),
				points(phone.id, 20, 2));
		await().atMost(Duration.ofSeconds(30)).until(() -> phone.get("/api/balance").get("drawsEarned").asInt() == 2);

		List<Integer> statuses = new CopyOnWriteArrayList<>();
		List<String> drawIds = new CopyOnWriteArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Future<?>> taps = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			taps.add(pool.submit(() -> {
				var result = phone.draw(1).returnResult(byte[].class);
				statuses.add(result.getStatus().value());
				drawIds.add(Phone.read(result.getResponseBodyContent()).get("drawId").asString());
			}));
		}
		for (Future<?> tap : taps) {
			tap.get();
		}
		pool.shutdown();

		assertThat(statuses).containsOnlyOnce(202).containsOnly(202, 200);
		assertThat(drawIds).containsOnly(drawIds.get(0));
		phone.draw(2).expectStatus().isAccepted().expectBody().jsonPath("$.drawNumber").isEqualTo(2);
		phone.draw(2).expectStatus().isOk().expectHeader().valueEquals("Idempotent-Replayed", "true");
		phone.draw(3).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("no-draw-available");
		phone.draw(null).expectStatus().isBadRequest();
		phone.draw(7).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("draw-out-of-sequence");
		assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE topic = 'draw-requested' AND message_key = :w")
			.bind("w", phone.id.toString()).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(2);
		assertThat(phone.get("/api/balance").get("drawsAvailable").asInt()).isZero();
	}

	@Test
	void theOutcomeOfADrawShowsOnceLotteryAnnouncesIt() {
		Phone phone = Phone.signIn(web, "yichun", "yichun-0001");
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		kafka.send(topics.topic(Topics.POINTS_AWARDED), phone.id.toString(), points(phone.id, 10, 1));
		await().atMost(Duration.ofSeconds(30)).until(() -> phone.get("/api/balance").get("drawsEarned").asInt() == 1);
		String drawId = Phone.read(phone.draw(1).expectStatus().isAccepted().expectBody().returnResult()
			.getResponseBody()).get("drawId").asString();
		assertThat(phone.get("/api/draws/" + drawId).get("status").asString()).isEqualTo("PENDING");

		String completed = json.writeValueAsString(new DrawCompleted(UUID.randomUUID(), Instant.now(), "demo",
				DrawCompleted.SCHEMA_VERSION, phone.id, UUID.fromString(drawId), DrawOutcome.PRIZE, "power-bank", "充电宝",
				null, "c", "h", "l", "K7MQ2XW9PH"));
		kafka.send(topics.topic(Topics.DRAW_COMPLETED), phone.id.toString(), completed, completed);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> phone.get("/api/draws/" + drawId).get("status").asString().equals("PRIZE"));
		assertThat(phone.get("/api/draws").get(0).get("prizeName").asString()).isEqualTo("充电宝");
		assertThat(phone.get("/api/draws").get(0).get("redemptionCode").asString()).isEqualTo("K7MQ2XW9PH");
		assertThat(phone.get("/api/draws/" + drawId).get("redemptionCode").asString()).isEqualTo("K7MQ2XW9PH");
		Phone other = Phone.signIn(web, "yichun", "yichun-0002");
		assertThat(other.get("/api/draws").toString()).doesNotContain("K7MQ2XW9PH");
		assertThat(web.get().uri("/api/winners").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody()).contains("充电宝").doesNotContain("K7MQ2XW9PH");
	}

	@Test
	void aSchemaOneOutcomeWithoutARedemptionCodeStillShows() {
		Phone phone = Phone.signIn(web, "yichun", "yichun-0003");
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		kafka.send(topics.topic(Topics.POINTS_AWARDED), phone.id.toString(), points(phone.id, 10, 1));
		await().atMost(Duration.ofSeconds(30)).until(() -> phone.get("/api/balance").get("drawsEarned").asInt() == 1);
		String drawId = Phone.read(phone.draw(1).expectStatus().isAccepted().expectBody().returnResult()
			.getResponseBody()).get("drawId").asString();

		kafka.send(topics.topic(Topics.DRAW_COMPLETED), phone.id.toString(), json.writeValueAsString(new DrawCompleted(
				UUID.randomUUID(), Instant.now(), "demo", 1, phone.id, UUID.fromString(drawId), DrawOutcome.PRIZE,
				"usb-cable", "数据线", null, "c", "h", "l")));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> phone.get("/api/draws/" + drawId).get("status").asString().equals("PRIZE"));
		assertThat(phone.get("/api/draws/" + drawId).toString()).doesNotContain("redemptionCode\":\"");
	}

	@Test
	void theBalanceSaysHonestlyWhilePointsAreStillBeingBooked() {
		Phone phone = Phone.signIn(web, "jiamusi", "jiamusi-0001");
		phone.paper();
		String attemptId = Phone.read(phone.submit(java.util.Map.of(), "k").expectStatus().isCreated().expectBody()
			.returnResult().getResponseBody()).get("attemptId").asString();
		assertThat(phone.get("/api/balance").get("pointsProcessing").asBoolean()).isTrue();

		new KafkaProbe(bootstrapServers).send(topics.topic(Topics.POINTS_AWARDED), phone.id.toString(),
				json.writeValueAsString(new PointsAwarded(UUID.randomUUID(), Instant.now(), "demo", 1, phone.id,
						UUID.fromString(attemptId), LocalDate.now(), 0, 0, 0, null, null)));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> !phone.get("/api/balance").get("pointsProcessing").asBoolean());
	}

	@Test
	void understandsTheContractFixturesOfTheEventsItConsumes() {
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		String worker = "6f1c8a52-8d3e-4b7a-9c1d-2e5f7a9b0c11";
		kafka.send(topics.topic(Topics.POINTS_AWARDED), worker,
				new String(EventFixtures.bytes(EventFixtures.POINTS_AWARDED)));
		kafka.send(topics.topic(Topics.DRAW_COMPLETED), worker,
				new String(EventFixtures.bytes(EventFixtures.DRAW_COMPLETED)));

		await().atMost(Duration.ofSeconds(30)).until(() -> db
			.sql("SELECT total FROM balance WHERE campaign_id = 'hlj-2022' AND worker_id = '" + worker + "'")
			.map(row -> row.get("total", Integer.class))
			.one()
			.blockOptional()
			.orElse(0) == 12);
		await().atMost(Duration.ofSeconds(30)).until(() -> db
			.sql("SELECT count(*) AS n FROM processed_event WHERE consumer = 'recordDrawOutcome' "
					+ "AND event_id = '3e9e5071-5cbd-4f84-8d85-6c3b7a6f5d04'")
			.map(row -> row.get("n", Long.class))
			.one()
			.block() == 1);
	}

	@Test
	void anotherWorkersDrawIsNotFound() {
		Phone owner = Phone.signIn(web, "hegang", "hegang-0001");
		Phone other = Phone.signIn(web, "hegang", "hegang-0002");
		UUID drawId = RequestDraw.drawId("demo", owner.id, 1);
		web.get().uri("/api/draws/" + drawId).headers(h -> h.setBearerAuth(other.token)).exchange()
			.expectStatus().isNotFound();
	}

	private static PointsAwarded sequenced(UUID worker, int total, int draws, long sequence) {
		return new PointsAwarded(UUID.randomUUID(), Instant.now(), "demo", 2, worker, UUID.randomUUID(),
				LocalDate.now().minusDays(sequence), 10, total, draws, sequence, null);
	}

	private String points(UUID worker, int total, int draws) {
		return json.writeValueAsString(new PointsAwarded(UUID.randomUUID(), Instant.now(), "demo", 1, worker,
				UUID.randomUUID(), LocalDate.now(), 1, total, draws, null, null));
	}
}
