package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.netsecweek.lottery.TestEvents.again;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.infra.TestClock;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.lottery.TestEvents;
import org.netsecweek.lottery.fairness.FairnessSeeds;
import org.netsecweek.platform.outbox.OutboxSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The batch path of {@code performDraw}: many requests in one transaction under one lock of the chain, each request
 * with one outcome however often it arrives, within entitlements and stock, the log verifiable, and a bad record
 * held back alone. Day 1 of the {@code week} campaign on a fixed clock.
 */
@LotteryIntegrationTest
@Import(DrawBatchIntegrationTests.Clocks.class)
class DrawBatchIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	PerformDraw performDraw;

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	TestClock clock;

	@Autowired
	DatabaseClient db;

	@Autowired
	DrawLogExports exports;

	@Autowired
	FairnessSeeds seeds;

	@Autowired
	JsonMapper json;

	@Autowired
	OutboxSettings topics;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	DrawRecords records;

	@BeforeEach
	void readRecords() {
		clock.set(Instant.parse("2030-03-01T02:00:00Z")); // day 1 of week, 10:00 in Harbin
		records = new DrawRecords(db);
	}

	@Test
	void aRequestRepeatedWithinOneBatchIsDrawnOnce() {
		UUID worker = entitled("always-open", 5);
		DrawRequested first = drawRequested("always-open", worker, 1);
		DrawRequested second = drawRequested("always-open", worker, 2);
		DrawRequested resent = again(first);

		performDraw.take(List.of(first, first, resent, second, again(second), first));

		assertThat(records.performed(worker)).isEqualTo(2);
		assertThat(records.entitlement("always-open", worker)).containsExactly(5, 2);
		assertThat(records.completionsOf(worker)).isEqualTo(2);
		assertThat(records.completionsOfDraw(first.drawId())).isEqualTo(1);
		assertThat(records.count("SELECT count(*) AS n FROM draw_log WHERE worker_id = '" + worker + "'")).isEqualTo(2);
		assertThat(records.processed("performDraw", resent.eventId())).isTrue();
		assertVerifies("always-open");
	}

	@Test
	void aWholeBatchRedeliveredChangesNothing() {
		List<DrawRequested> batch = new ArrayList<>();
		List<UUID> workers = IntStream.range(0, 3).mapToObj(i -> entitled("always-open", 2)).toList();
		workers.forEach(worker -> IntStream.rangeClosed(1, 2)
			.forEach(n -> batch.add(drawRequested("always-open", worker, n))));
		performDraw.take(batch);
		String head = head("always-open");
		long completions = records.count("SELECT count(*) AS n FROM outbox WHERE event_type = 'DrawCompleted'");

		performDraw.take(batch);
		performDraw.take(batch.stream().map(TestEvents::again).toList());

		assertThat(head("always-open")).isEqualTo(head);
		assertThat(records.count("SELECT count(*) AS n FROM outbox WHERE event_type = 'DrawCompleted'"))
			.isEqualTo(completions);
		workers.forEach(worker -> {
			assertThat(records.performed(worker)).isEqualTo(2);
			assertThat(records.entitlement("always-open", worker)).containsExactly(2, 2);
		});
	}

	@Test
	void aWorkerWhoseDrawsRunOutMidBatchKeepsTheRestPendingInRequestOrder() {
		UUID short2 = entitled("always-open", 2);
		UUID other = entitled("always-open", 1);
		List<DrawRequested> requests = IntStream.rangeClosed(1, 4)
			.mapToObj(n -> drawRequested("always-open", short2, n))
			.toList();

		performDraw.take(List.of(requests.get(2), requests.get(0), drawRequested("always-open", other, 1),
				requests.get(3), requests.get(1)));

		List<String> statuses = requests.stream().map(request -> records.status(request.drawId())).toList();
		assertThat(statuses.subList(0, 2)).allMatch(List.of("PRIZE", "NO_PRIZE")::contains);
		assertThat(statuses.subList(2, 4)).containsOnly("PENDING");
		assertThat(records.performed(other)).isEqualTo(1);
		assertThat(records.entitlement("always-open", short2)).containsExactly(2, 2);
		assertThat(records.completionsOf(short2)).isEqualTo(2);

		recordEntitlement.accept(pointsAwarded("always-open", short2, 4));

		assertThat(records.performed(short2)).isEqualTo(4);
		assertThat(records.entitlement("always-open", short2)).containsExactly(4, 4);
		assertVerifies("always-open");
	}

	/** One batch of 40 workers on a prize of 3 units nearly every number lands on: the first three in it win. */
	@Test
	void stockRunningOutMidBatchIsNeverOversold() {
		db.sql("UPDATE prize SET stock_left = 0, quantity = 0 WHERE campaign_id = 'one-prize'").then().block();
		db.sql("INSERT INTO prize (campaign_id, prize_id, position, name, weight, quantity, stock_left) "
				+ "VALUES ('one-prize', 'three', 99, '三份大奖', 1000000000, 3, 3)").then().block();
		List<UUID> workers = IntStream.range(0, 40).mapToObj(i -> entitled("one-prize", 1)).toList();
		List<DrawRequested> batch = workers.stream().map(worker -> drawRequested("one-prize", worker, 1)).toList();

		performDraw.take(batch);

		List<String> statuses = batch.stream().map(request -> records.status(request.drawId())).toList();
		assertThat(statuses.subList(0, 3)).containsOnly("PRIZE");
		assertThat(statuses.subList(3, 40)).containsOnly("NO_PRIZE");
		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'one-prize' AND status = 'PRIZE'"))
			.isEqualTo(3);
		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'one-prize' "
				+ "AND status = 'NO_PRIZE'")).isEqualTo(37);
		assertThat(records.count("SELECT stock_left AS n FROM prize WHERE prize_id = 'three'")).isZero();
		assertVerifies("one-prize");
	}

	/** Day 1 of {@code week} releases 2 of its 10 units, day 3 six in all: a batch never takes more than its day's. */
	@Test
	void aBatchNeverTakesMoreThanItsDayReleased() {
		List<DrawRequested> day1 = IntStream.range(0, 5)
			.mapToObj(i -> drawRequested("week", entitled("week", 1), 1))
			.toList();
		performDraw.take(day1);
		clock.set(Instant.parse("2030-03-03T02:00:00Z"));
		List<DrawRequested> day3 = IntStream.range(0, 6)
			.mapToObj(i -> drawRequested("week", entitled("week", 1), 1))
			.toList();
		performDraw.take(day3);

		assertThat(records.count("SELECT count(*) AS n FROM draw_log WHERE campaign_id = 'week' AND day = 1 "
				+ "AND outcome = 'PRIZE'")).isEqualTo(2);
		assertThat(records.count("SELECT count(*) AS n FROM draw_log WHERE campaign_id = 'week' AND day = 3 "
				+ "AND outcome = 'PRIZE'")).isEqualTo(4);
		assertThat(records.count("SELECT stock_left AS n FROM prize WHERE campaign_id = 'week'")).isEqualTo(4);
		assertVerifies("week");
	}

	/**
	 * A record that is not a DrawRequested, and one that cannot be drawn, each fail alone: the records before them
	 * are drawn, the failing one is reported by its index (the container retries it, then sends it to the dead
	 * letters) and the records after it are drawn when the container goes on from there.
	 */
	@Test
	void aBadRecordIsReportedByItsIndexWhileTheRestOfItsBatchIsDrawn() {
		List<UUID> workers = IntStream.range(0, 5).mapToObj(i -> entitled("always-open", 1)).toList();
		List<DrawRequested> requests = workers.stream().map(worker -> drawRequested("always-open", worker, 1)).toList();
		DrawRequested undrawable = new DrawRequested(UUID.randomUUID(), Instant.now(), "always-open",
				DrawRequested.SCHEMA_VERSION, null, UUID.randomUUID(), 1, "harbin", "harbin-0001");
		List<byte[]> batch = List.of(bytes(requests.get(0)), bytes(requests.get(1)),
				"{not a draw request".getBytes(StandardCharsets.UTF_8), bytes(requests.get(2)), bytes(undrawable),
				bytes(requests.get(3)), bytes(requests.get(4)));

		assertThatThrownBy(() -> performDraw.accept(batch)).isInstanceOfSatisfying(BatchListenerFailedException.class,
				ex -> assertThat(ex.getIndex()).isEqualTo(2));
		assertThat(workers.stream().map(records::performed).toList()).containsExactly(1L, 1L, 0L, 0L, 0L);

		assertThatThrownBy(() -> performDraw.accept(batch.subList(3, batch.size())))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, ex -> assertThat(ex.getIndex()).isEqualTo(1));
		performDraw.accept(batch.subList(5, batch.size()));

		assertThat(workers.stream().map(records::performed).toList()).containsExactly(1L, 1L, 1L, 1L, 1L);
		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE draw_id = '" + undrawable.drawId() + "'")).isZero();
	}

	@Test
	void aPoisonRecordOnTheTopicGoesToTheDeadLettersAndTheRestIsDrawn() {
		List<UUID> workers = IntStream.range(0, 6).mapToObj(i -> entitled("always-open", 1)).toList();
		List<String> values = new ArrayList<>();
		workers.forEach(worker -> values.add(json.writeValueAsString(drawRequested("always-open", worker, 1))));
		values.add(3, "{\"marker\": \"batch-poison\", \"drawNumber\": \"not a number\"}");

		// one producer batch, so the records most likely arrive in one poll
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 100), new StringSerializer(), new StringSerializer())) {
			values.forEach(value -> producer.send(new ProducerRecord<>(topics.topic(Topics.DRAW_REQUESTED), "poison", value)));
		}

		assertThat(new KafkaProbe(bootstrapServers).read(Topics.deadLetter(topics.topic(Topics.DRAW_REQUESTED)),
				value -> value.contains("batch-poison"), 1, TIMEOUT)).hasSize(1);
		await()
			.atMost(TIMEOUT)
			.until(() -> workers.stream().allMatch(worker -> records.performed(worker) == 1));
	}

	private UUID entitled(String campaign, int draws) {
		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded(campaign, worker, draws));
		return worker;
	}

	private String head(String campaign) {
		return db.sql("SELECT last_seq || ':' || last_hash AS h FROM draw_log_head WHERE campaign_id = :c")
			.bind("c", campaign)
			.map(row -> row.get("h", String.class))
			.one()
			.block();
	}

	private void assertVerifies(String campaign) {
		DrawVerification.Result replay = exports.export(campaign)
			.zipWith(seeds.seedOf(campaign), DrawVerification::verify)
			.block();
		assertThat(replay.mismatches()).isEmpty();
		assertThat(replay.draws()).isEqualTo(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = '"
				+ campaign + "' AND status IN ('PRIZE', 'NO_PRIZE')"));
	}

	private byte[] bytes(DrawRequested request) {
		return json.writeValueAsBytes(request);
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		TestClock clock() {
			return new TestClock(Instant.parse("2030-03-01T02:00:00Z"));
		}
	}
}
