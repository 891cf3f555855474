package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netsecweek.lottery.TestEvents.again;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.EventFixtures;
import org.netsecweek.events.Topics;
import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.lottery.TestProofs;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Draw requests and points through Kafka, outcomes back through Kafka. */
@LotteryIntegrationTest
class DrawFlowIntegrationTests {

	private static final UUID FIXTURE_WORKER = UUID.fromString("6f1c8a52-8d3e-4b7a-9c1d-2e5f7a9b0c11");

	private static final String FIXTURE_DRAW = "b4eaf201-6c7d-3e8f-9a01-2b3c4d5e6f72";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	JsonMapper json;

	@Autowired
	Tokens tokens;

	@Autowired
	WebTestClient web;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	DrawRecords records;

	@BeforeEach
	void readRecords() {
		records = new DrawRecords(db);
	}

	@Test
	void rejectsTheFixtureRequestOfTheClosedCampaignOnceHoweverOftenItArrives() {
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		String points = new String(EventFixtures.bytes(EventFixtures.POINTS_AWARDED));
		String request = new String(EventFixtures.bytes(EventFixtures.DRAW_REQUESTED));

		kafka.send(topics.topic(Topics.POINTS_AWARDED), FIXTURE_WORKER.toString(), points);
		kafka.send(topics.topic(Topics.DRAW_REQUESTED), FIXTURE_WORKER.toString(), request);

		String completed = kafka.read(topics.topic(Topics.DRAW_COMPLETED), value -> value.contains(FIXTURE_DRAW), 1,
				TIMEOUT).get(0);
		assertThat(completed).contains("\"outcome\":\"REJECTED\"", "\"rejectionReason\":\"campaign-closed\"");
		await().atMost(TIMEOUT).until(() -> records.entitlement("hlj-2022", FIXTURE_WORKER).get(0) == 1);

		DrawRequested resent = again(json.readValue(request, DrawRequested.class));
		kafka.send(topics.topic(Topics.DRAW_REQUESTED), FIXTURE_WORKER.toString(), request, request, request,
				json.writeValueAsString(resent));
		await().atMost(TIMEOUT).until(() -> records.processed("performDraw", resent.eventId()));

		assertThat(records.completionsOfDraw(UUID.fromString(FIXTURE_DRAW))).isEqualTo(1);
		assertThat(records.entitlement("hlj-2022", FIXTURE_WORKER)).containsExactly(1, 0);
	}

	@Test
	void performsADrawOfTheOpenCampaignOnceAndAnnouncesItWithItsProof() {
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		UUID worker = UUID.randomUUID();
		DrawRequested request = drawRequested("demo", worker, 1);

		// the request goes first: it may overtake its points on the way, and must wait for them
		kafka.send(topics.topic(Topics.DRAW_REQUESTED), worker.toString(), json.writeValueAsString(request));
		kafka.send(topics.topic(Topics.POINTS_AWARDED), worker.toString(),
				json.writeValueAsString(pointsAwarded("demo", worker, 1)));

		DrawCompleted completed = json.readValue(kafka.read(topics.topic(Topics.DRAW_COMPLETED),
				value -> value.contains(request.drawId().toString()), 1, TIMEOUT).get(0), DrawCompleted.class);
		assertThat(completed.outcome()).isIn(DrawOutcome.PRIZE, DrawOutcome.NO_PRIZE);
		assertThat(completed.workerId()).isEqualTo(worker);
		assertThat(completed.prizeId() != null).isEqualTo(completed.outcome() == DrawOutcome.PRIZE);
		assertThat(completed.redemptionCode() != null).isEqualTo(completed.outcome() == DrawOutcome.PRIZE);
		assertThat(completed.schemaVersion()).isEqualTo(2);
		assertThat(completed.seedCommitment()).isEqualTo(publishedCommitment("demo"));
		assertThat(completed.drawHmac()).isEqualTo(
				HexFormat.of().formatHex(TestProofs.hmac(TestProofs.storedSeed(db, "demo"), request.drawId())));
		assertThat(completed.logHash()).isEqualTo(records.logHash(request.drawId()));

		DrawRequested resent = again(request);
		String original = json.writeValueAsString(request);
		kafka.send(topics.topic(Topics.DRAW_REQUESTED), worker.toString(), original, original, original,
				json.writeValueAsString(resent));
		await().atMost(TIMEOUT).until(() -> records.processed("performDraw", resent.eventId()));

		assertThat(records.completionsOfDraw(request.drawId())).isEqualTo(1);
		assertThat(records.entitlement("demo", worker)).containsExactly(1, 1);
		ownerSeesTheDrawAndNobodyElse(request.drawId(), worker, completed.outcome());
	}

	private void ownerSeesTheDrawAndNobodyElse(UUID drawId, UUID owner, DrawOutcome outcome) {
		web.get().uri("/api/draws/{id}", drawId).headers(h -> h.setBearerAuth(workerToken(owner))).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo(outcome.name())
			.jsonPath("$.drawHmac").isNotEmpty()
			.jsonPath("$.logHash").isEqualTo(records.logHash(drawId));
		web.get().uri("/api/draws/{id}", drawId).headers(h -> h.setBearerAuth(workerToken(UUID.randomUUID())))
			.exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("not-your-draw");
		web.get().uri("/api/draws/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(workerToken(owner)))
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("draw-not-found");
		web.get().uri("/api/draws/{id}", drawId).exchange().expectStatus().isUnauthorized();
	}

	private String publishedCommitment(String campaignId) {
		return web.get().uri("/api/fairness/{campaign}", campaignId).exchange()
			.expectStatus().isOk()
			.expectBody(FairnessView.class)
			.returnResult()
			.getResponseBody()
			.seedCommitment();
	}

	private String workerToken(UUID worker) {
		return tokens.issue(new Caller(worker.toString(), Role.WORKER, null)).token();
	}

	record FairnessView(String campaignId, String seedCommitment, String howToVerify) {
	}
}
