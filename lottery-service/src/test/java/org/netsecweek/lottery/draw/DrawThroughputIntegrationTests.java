package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.infra.Infrastructure;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.lottery.fairness.FairnessSeeds;
import org.netsecweek.platform.outbox.OutboxSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * How many draws a second one instance performs, beside the machine's hot-counter limit measured on the same
 * PostgreSQL in the same run ({@link HotCounter}: 32 clients, one counter UPDATE and one draw INSERT per durable
 * commit). A burst of draw requests (8 per worker, every 50th sent twice, as an at-least-once producer would) goes
 * through the real broker and the {@code performDraw} binding. Prints both rates and their ratio (machines differ,
 * so it asserts none) and asserts that the burst stayed correct: one outcome and one DrawCompleted per request,
 * entitlements used exactly, no prize oversold, the log replays. {@code -Dlottery.bench.workers=N} sizes the burst.
 */
@LotteryIntegrationTest
class DrawThroughputIntegrationTests {

	/** A campaign of its own (test resources) with the configured pool, so prizes run out during the burst. */
	private static final String CAMPAIGN = "throughput";

	private static final int WORKERS = Integer.getInteger("lottery.bench.workers", 1_000);

	private static final int DRAWS_EACH = 8;

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	DrawLogExports exports;

	@Autowired
	FairnessSeeds seeds;

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	JsonMapper json;

	@Autowired
	Environment environment;

	@Test
	void aBurstFromTheTopicIsDrawnOnceEachWithinEntitlementsAndStock() throws Exception {
		DrawRecords records = new DrawRecords(db);
		int draws = WORKERS * DRAWS_EACH;
		List<UUID> workers = IntStream.range(0, WORKERS + 1).mapToObj(i -> UUID.randomUUID()).toList();
		Concurrently.run(WORKERS + 1, i -> recordEntitlement.accept(pointsAwarded(CAMPAIGN, workers.get(i), DRAWS_EACH)));
		List<DrawRequested> requests = IntStream.range(0, draws)
			.mapToObj(i -> drawRequested(CAMPAIGN, workers.get(i % WORKERS), i / WORKERS + 1))
			.toList();
		List<String> values = requests.stream().map(json::writeValueAsString).toList();
		String topic = topics.topic(Topics.DRAW_REQUESTED);
		String bootstrap = environment.getRequiredProperty("netsec.kafka.bootstrap-servers");

		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144), new StringSerializer(),
				new StringSerializer())) {
			// one draw before the clock starts: the consumer has joined its group and holds its partitions
			DrawRequested first = drawRequested(CAMPAIGN, workers.get(WORKERS), 1);
			send(producer, topic, first.workerId(), json.writeValueAsString(first));
			producer.flush();
			await().atMost(Duration.ofSeconds(60)).until(() -> finished(records) == 1);

			double hotCounter = HotCounter.commitsPerSecond(Infrastructure.shared().postgres(), 32, Duration.ofSeconds(5));

			long started = System.nanoTime();
			for (int i = 0; i < draws; i++) {
				send(producer, topic, requests.get(i).workerId(), values.get(i));
				if (i % 50 == 0) {
					send(producer, topic, requests.get(i).workerId(), values.get(i));
				}
			}
			producer.flush();
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
				.until(() -> finished(records) == draws + 1);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("DrawThroughput: %d draws through the topic in %.2f s = %.0f draws/s; hot counter on the "
					+ "same PostgreSQL (32 clients, durable commits) %.0f commits/s; ratio %.2f%n", draws, seconds,
					draws / seconds, hotCounter, draws / seconds / hotCounter);
		}

		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'throughput' "
				+ "AND status IN ('PRIZE', 'NO_PRIZE')")).isEqualTo(draws + 1);
		assertThat(records.count("SELECT count(*) AS n FROM outbox WHERE event_type = 'DrawCompleted'"))
			.as("one DrawCompleted per request").isEqualTo(draws + 1);
		assertThat(records.count("SELECT count(*) AS n FROM entitlement WHERE campaign_id = 'throughput' "
				+ "AND draws_earned = 8 AND draws_used = 8")).isEqualTo(WORKERS);
		assertThat(records.count("SELECT count(*) AS n FROM prize p WHERE campaign_id = 'throughput' AND stock_left "
				+ "<> quantity - (SELECT count(*) FROM draw d WHERE d.campaign_id = p.campaign_id "
				+ "AND d.prize_id = p.prize_id)")).isZero();
		assertThat(records.count("SELECT min(stock_left) AS n FROM prize WHERE campaign_id = 'throughput'"))
			.isGreaterThanOrEqualTo(0);
		DrawVerification.Result replay = exports.export(CAMPAIGN)
			.zipWith(seeds.seedOf(CAMPAIGN), DrawVerification::verify)
			.block();
		assertThat(replay.mismatches()).isEmpty();
		assertThat(replay.draws()).isEqualTo(draws + 1);
	}

	private static long finished(DrawRecords records) {
		return records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'throughput' AND status <> 'PENDING'");
	}

	private static void send(KafkaProducer<String, String> producer, String topic, UUID worker, String value) {
		var record = new ProducerRecord<>(topic, worker.toString(), value);
		record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
		producer.send(record);
	}
}
