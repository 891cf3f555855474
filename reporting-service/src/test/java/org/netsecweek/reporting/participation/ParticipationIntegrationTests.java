package org.netsecweek.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.events.EventFixtures;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.ProgressView;
import org.netsecweek.reporting.ReportingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ReportingIntegrationTest
class ParticipationIntegrationTests {

	private static final String FIXTURE_WORKER = "6f1c8a52-8d3e-4b7a-9c1d-2e5f7a9b0c11";

	@Autowired
	CountAnswers countAnswers;

	@Autowired
	Campaigns campaigns;

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	Tokens tokens;

	@Autowired
	WebTestClient web;

	@Autowired
	MeterRegistry meters;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void countsTheFixtureOnceHoweverOftenKafkaDeliversIt() {
		String fixture = new String(EventFixtures.bytes(EventFixtures.ANSWER_SUBMITTED));
		double recordedBefore = recorded("hlj-2022");

		new KafkaProbe(bootstrapServers).send(topics.topic(Topics.ANSWER_SUBMITTED), FIXTURE_WORKER, fixture, fixture,
				fixture);

		await().atMost(Duration.ofSeconds(60)).until(() -> progress("hlj-2022").union("harbin").attempts() == 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> count("SELECT count(*) AS n FROM participation_fact WHERE worker_id = '" + FIXTURE_WORKER
					+ "'") == 1);
		ProgressView.Row harbin = progress("hlj-2022").union("harbin");
		assertThat(harbin.workersCovered()).isEqualTo(1);
		assertThat(harbin.organisationsActive()).isEqualTo(1);
		assertThat(harbin.workersRate()).isEqualByComparingTo("0.0007"); // 1 / 1400
		assertThat(recorded("hlj-2022") - recordedBefore).isEqualTo(1);
	}

	@Test
	void countsEachDrawOnceUnderTheUnionItsRequestNamesWhicheverEventArrivesFirst() {
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		String answer = new String(EventFixtures.bytes(EventFixtures.ANSWER_SUBMITTED));
		String draw = new String(EventFixtures.bytes(EventFixtures.DRAW_COMPLETED));
		String request = new String(EventFixtures.bytes(EventFixtures.DRAW_REQUESTED));

		kafka.send(topics.topic(Topics.DRAW_COMPLETED), FIXTURE_WORKER, draw, draw);
		kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), FIXTURE_WORKER, answer);
		kafka.send(topics.topic(Topics.DRAW_REQUESTED), FIXTURE_WORKER, request, request);

		await().atMost(Duration.ofSeconds(60)).until(() -> progress("hlj-2022").union("harbin").prizesGiven() == 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> count("SELECT count(*) AS n FROM draw_fact WHERE worker_id = '" + FIXTURE_WORKER + "'") == 1);
		assertThat(progress("hlj-2022").union("harbin").draws()).isEqualTo(1);
		assertThat(progress("hlj-2022").total().prizesGiven()).isEqualTo(1);
	}

	@Test
	void recordsAnAttemptsPointsOnceHoweverOftenKafkaDeliversThem() {
		String points = new String(EventFixtures.bytes(EventFixtures.POINTS_AWARDED));

		new KafkaProbe(bootstrapServers).send(topics.topic(Topics.POINTS_AWARDED), FIXTURE_WORKER, points, points);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("SELECT count(*) AS n FROM points_fact WHERE attempt_id = "
					+ "'a3d9e1f0-5b6c-4d7e-8f90-1a2b3c4d5e61' AND points = 2") == 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> count("SELECT count(*) AS n FROM points_fact WHERE worker_id = '" + FIXTURE_WORKER + "'") == 1);
	}

	/**
	 * 200 attempts of 50 workers in 3 unions, each delivered twice (half as a redelivery of the same event, half as
	 * a new event of the same attempt), fed from 8 threads in random order.
	 */
	@Test
	void concurrentDuplicatedDeliveriesCountEachWorkerDayOnce() throws Exception {
		List<String> unions = List.of("qiqihar", "mudanjiang", "jiamusi");
		LocalDate firstDay = campaigns.get(Campaigns.DEMO_ID).startsOn();
		List<AnswerSubmitted> attempts = new ArrayList<>();
		for (int w = 0; w < 50; w++) {
			UUID worker = UUID.randomUUID();
			String union = unions.get(w % unions.size());
			for (int day = 0; day < 4; day++) {
				attempts.add(answer(worker, union, union + "-000" + (w % 4), firstDay.plusDays(day)));
			}
		}
		List<AnswerSubmitted> deliveries = new ArrayList<>();
		for (int i = 0; i < attempts.size(); i++) {
			AnswerSubmitted attempt = attempts.get(i);
			deliveries.add(attempt);
			deliveries.add(i % 2 == 0 ? attempt : withNewEventId(attempt));
		}
		Collections.shuffle(deliveries, new Random(2022));
		double recordedBefore = recorded(Campaigns.DEMO_ID);

		Concurrently.run(deliveries.size(), i -> countAnswers.accept(List.of(deliveries.get(i))));

		ProgressView progress = progress(Campaigns.DEMO_ID);
		for (String union : unions) {
			List<AnswerSubmitted> ofUnion = attempts.stream().filter(a -> a.unionId().equals(union)).toList();
			ProgressView.Row row = progress.union(union);
			assertThat(row.attempts()).as(union).isEqualTo(ofUnion.size());
			assertThat(row.workersCovered()).as(union).isEqualTo(distinct(ofUnion, AnswerSubmitted::workerId));
			assertThat(row.organisationsActive()).as(union).isEqualTo(distinct(ofUnion, AnswerSubmitted::orgId));
		}
		assertThat(recorded(Campaigns.DEMO_ID) - recordedBefore).isEqualTo(attempts.size());
	}

	private static AnswerSubmitted answer(UUID worker, String union, String org, LocalDate day) {
		return new AnswerSubmitted(UUID.randomUUID(), Instant.now(), Campaigns.DEMO_ID, 1, worker, UUID.randomUUID(),
				union, org, day, List.of(), 7, 10, 80_000);
	}

	private static AnswerSubmitted withNewEventId(AnswerSubmitted a) {
		return new AnswerSubmitted(UUID.randomUUID(), a.occurredAt(), a.campaignId(), a.schemaVersion(), a.workerId(),
				a.attemptId(), a.unionId(), a.orgId(), a.campaignDay(), a.results(), a.correctCount(),
				a.questionCount(), a.answeringMillis());
	}

	private static long distinct(List<AnswerSubmitted> answers, java.util.function.Function<AnswerSubmitted, ?> key) {
		Set<Object> keys = new HashSet<>();
		answers.forEach(answer -> keys.add(key.apply(answer)));
		return keys.size();
	}

	private double recorded(String campaign) {
		return meters.counter("participation.facts.recorded", "kind", "answer", "campaign", campaign).count();
	}

	private ProgressView progress(String campaignId) {
		String token = tokens.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token();
		return web.get()
			.uri("/api/admin/progress?campaignId=" + campaignId)
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus().isOk()
			.expectBody(ProgressView.class)
			.returnResult()
			.getResponseBody();
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
	}

}
