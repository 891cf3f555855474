package org.netsecweek.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.quiz.AnswerSubmitted.QuestionResult;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.scoring.ScoringIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Booking throughput through the real broker and PostgreSQL: a week's papers of many workers (morning rush: each
 * day's papers together, a few redelivered) are published while the binding books them; afterwards every guarantee
 * is checked. The default run is small and asserts correctness; {@code -Dscoring.bench.events=50000} runs the
 * benchmark and prints {@code booked/s} and the highest consumer lag seen (end offsets − the group's committed
 * offsets, sampled every 100 ms).
 */
@ScoringIntegrationTest
class BookingThroughputIntegrationTests {

	private static final int EVENTS = Integer.getInteger("scoring.bench.events", 2_100);

	/** Events published per second, or 0 to publish as fast as the producer can (a burst). */
	private static final int RATE = Integer.getInteger("scoring.bench.rate", 0);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String[] UNIONS = { "harbin", "qiqihar", "mudanjiang", "jiamusi", "daqing", "jixi", "hegang" };

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	JsonMapper json;

	@Autowired
	Environment environment;

	@Test
	void booksAWeekOfPapersOnceEachWithTotalsEqualToTheLedger() throws Exception {
		String topic = topics.topic(Topics.ANSWER_SUBMITTED);
		String bootstrap = environment.getRequiredProperty("netsec.kafka.bootstrap-servers");
		List<AnswerSubmitted> answers = week(EVENTS, new Random(42));
		UUID[] workers = answers.stream().map(AnswerSubmitted::workerId).distinct().toArray(UUID[]::new);
		long expectedPoints = answers.stream().mapToLong(AnswerSubmitted::correctCount).sum();
		List<String> values = answers.stream().map(json::writeValueAsString).toList();

		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
				var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
						new StringSerializer(), new StringSerializer())) {
			warmUp(producer, topic);
			pacingAdmin = admin;
			pacingTopic = topic;
			long start = System.nanoTime();
			int redelivered = 0;
			lagWhilePublishing = 0;
			for (int i = 0; i < answers.size(); i++) {
				if (RATE > 0) {
					pace(start, i);
				}
				send(producer, topic, answers.get(i), values.get(i));
				if (i % 50 == 0) { // at-least-once upstream: a few events arrive twice
					send(producer, topic, answers.get(i), values.get(i));
					redelivered++;
				}
			}
			producer.flush();
			double published = answers.size() / seconds(start);
			long maxLag = lagWhilePublishing;
			long lag;
			do {
				lag = lag(admin, topic);
				maxLag = Math.max(maxLag, lag);
				TimeUnit.MILLISECONDS.sleep(100);
			}
			while (lag > 0 && seconds(start) < 600);
			double elapsed = seconds(start);
			assertThat(lag).as("consumer lag at the end").isZero();
			System.out.printf("BENCH scoring booking: %d AnswerSubmitted (+%d redelivered), %d workers: published "
					+ "%.0f/s, all booked after %.2f s: %.0f booked/s, max consumer lag %d (%d while publishing)%n",
					answers.size(), redelivered, workers.length, published, elapsed, answers.size() / elapsed, maxLag,
					lagWhilePublishing);
		}

		assertThat(count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = ANY(:w)", workers))
			.as("one entry per attempt").isEqualTo(answers.size());
		assertThat(count("SELECT count(DISTINCT attempt_id) AS n FROM ledger_entry WHERE worker_id = ANY(:w)", workers))
			.isEqualTo(answers.size());
		assertThat(count("SELECT coalesce(sum(total), 0) AS n FROM points_total WHERE worker_id = ANY(:w)", workers))
			.isEqualTo(expectedPoints);
		assertThat(count("SELECT count(*) AS n FROM points_total t WHERE worker_id = ANY(:w) AND (total, sequence) <> "
				+ "(SELECT coalesce(sum(points), 0), count(*) FROM ledger_entry e WHERE e.campaign_id = t.campaign_id "
				+ "AND e.worker_id = t.worker_id)", workers)).as("totals that differ from their ledger").isZero();
		assertThat(count("SELECT count(*) AS n FROM ledger_entry e WHERE worker_id = ANY(:w) AND total_after <> "
				+ "(SELECT sum(points) FROM ledger_entry f WHERE f.campaign_id = e.campaign_id AND f.worker_id = e.worker_id "
				+ "AND f.sequence <= e.sequence)",
				workers)).as("entries whose total after is not the running sum").isZero();
		assertThat(count("SELECT count(*) AS n FROM outbox WHERE message_key = ANY(CAST(:w AS text[]))",
				java.util.Arrays.stream(workers).map(UUID::toString).toArray(String[]::new)))
			.as("one PointsAwarded per entry").isEqualTo(answers.size());
	}

	/** Seven days of papers, each day's together in a morning rush, in the order quiz-service would store them. */
	private static List<AnswerSubmitted> week(int events, Random random) {
		int workers = Math.max(1, events / 7);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			ids.add(UUID.randomUUID());
		}
		List<AnswerSubmitted> answers = new ArrayList<>();
		for (int day = 0; day < 7 && answers.size() < events; day++) {
			LocalDate date = LocalDate.of(2022, 9, 5).plusDays(day);
			for (int w = 0; w < workers && answers.size() < events; w++) {
				UUID worker = ids.get(w);
				List<QuestionResult> results = new ArrayList<>();
				int correct = 0;
				for (int q = 0; q < 10; q++) {
					boolean right = random.nextInt(100) < 75;
					correct += right ? 1 : 0;
					results.add(new QuestionResult("q-" + random.nextInt(400), "EVERYDAY", right));
				}
				String union = UNIONS[w % UNIONS.length];
				answers.add(new AnswerSubmitted(UUID.randomUUID(),
						date.atTime(8, 0).plusSeconds(random.nextInt(3 * 3600)).atZone(SHANGHAI).toInstant(), "hlj-2022",
						1, worker, UUID.randomUUID(), union, union + "-" + (w % 40), date, results, correct, 10,
						30_000 + random.nextInt(270_000)));
			}
		}
		return answers;
	}

	private long lagWhilePublishing;

	/** One paper booked before the clock starts: the consumers have joined their group and hold their partitions. */
	private void warmUp(KafkaProducer<String, String> producer, String topic) {
		AnswerSubmitted first = week(1, new Random(1)).get(0);
		send(producer, topic, first, json.writeValueAsString(first));
		producer.flush();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = ANY(:w)",
					new UUID[] { first.workerId() }) == 1);
	}

	private long lastSample;

	/** Holds the producer to {@link #RATE}, sampling the lag every 100 ms meanwhile. */
	private void pace(long start, int sent) throws InterruptedException, ExecutionException {
		long due = start + (long) (sent * 1e9 / RATE);
		while (System.nanoTime() < due) {
			java.util.concurrent.locks.LockSupport.parkNanos(Math.min(due - System.nanoTime(), 1_000_000));
		}
		if (System.nanoTime() - lastSample > 100_000_000) {
			lastSample = System.nanoTime();
			lagWhilePublishing = Math.max(lagWhilePublishing, lag(pacingAdmin, pacingTopic));
		}
	}

	private Admin pacingAdmin;

	private String pacingTopic;

	private static void send(KafkaProducer<String, String> producer, String topic, AnswerSubmitted answer, String value) {
		var record = new ProducerRecord<>(topic, answer.workerId().toString(), value);
		record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
		producer.send(record);
	}

	/** End offsets minus the scoring group's committed offsets, over the topic's partitions. */
	private static long lag(Admin admin, String topic) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("scoring-service")
			.partitionsToOffsetAndMetadata()
			.get();
		List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
			.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
		var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
			.all()
			.get();
		return partitions.stream().mapToLong(p -> {
			OffsetAndMetadata at = committed.get(p);
			return ends.get(p).offset() - (at == null ? 0 : at.offset());
		}).sum();
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private long count(String sql, Object workers) {
		return db.sql(sql).bind("w", workers).map(row -> ((Number) row.get("n")).longValue()).one().block();
	}
}
