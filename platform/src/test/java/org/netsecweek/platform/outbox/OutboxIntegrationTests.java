package org.netsecweek.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.PlatformIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

@PlatformIntegrationTest
class OutboxIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	DatabaseClient db;

	@Autowired
	ReactiveTransactionManager transactions;

	@Autowired
	OutboxSettings settings;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void publishesCommittedEventsInOrderPerWorkerAndMarksThemSent() {
		UUID worker = UUID.randomUUID();
		List<PointsAwarded> events = new ArrayList<>();
		for (int total = 1; total <= 50; total++) {
			events.add(points(worker, total));
		}
		TransactionalOperator tx = TransactionalOperator.create(transactions);
		Flux.fromIterable(events).concatMap(event -> tx.transactional(outbox.append(event))).blockLast();

		List<ConsumerRecord<String, String>> received = consume(settings.topic(Topics.POINTS_AWARDED), worker, 50);

		assertThat(received).extracting(ConsumerRecord::value)
			.allSatisfy(value -> assertThat(value).contains("\"workerId\":\"" + worker + "\""));
		assertThat(received).extracting(record -> record.value().replaceAll(".*\"newTotal\":(\\d+).*", "$1"))
			.containsExactlyElementsOf(events.stream().map(e -> String.valueOf(e.newTotal())).toList());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> db.sql("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL")
				.map(row -> row.get("n", Long.class))
				.one()
				.block() == 0L);
	}

	@Test
	void publishesNothingOfARolledBackTransaction() {
		UUID rolledBack = UUID.randomUUID();
		UUID committed = UUID.randomUUID();
		TransactionalOperator tx = TransactionalOperator.create(transactions);

		Mono<Void> failing = outbox.append(points(rolledBack, 1)).then(Mono.error(new IllegalStateException("boom")));
		tx.transactional(failing).onErrorResume(ex -> Mono.empty()).block();
		tx.transactional(outbox.append(points(committed, 1))).block();

		List<ConsumerRecord<String, String>> received = consume(settings.topic(Topics.POINTS_AWARDED), committed, 1);
		assertThat(received).hasSize(1);
		assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE message_key = :key")
			.bind("key", rolledBack.toString())
			.map(row -> row.get("n", Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void appendsWithAChangeInOneStatementOnlyWhenTheChangeHappens() {
		db.sql("CREATE TABLE IF NOT EXISTS change_under_test (id uuid PRIMARY KEY, amount int NOT NULL)").then().block();
		UUID worker = UUID.randomUUID();
		UUID row = UUID.randomUUID();
		String change = "INSERT INTO change_under_test (id, amount) VALUES (:id, 10 / :divisor) "
				+ "ON CONFLICT DO NOTHING RETURNING id";

		Boolean first = outbox.appendIfChanged(change, Map.of("id", row, "divisor", 1), points(worker, 1)).block();
		Boolean repeat = outbox.appendIfChanged(change, Map.of("id", row, "divisor", 1), points(worker, 2)).block();
		UUID failing = UUID.randomUUID();
		Mono<Boolean> broken = outbox.appendIfChanged(change, Map.of("id", failing, "divisor", 0), points(worker, 3));

		assertThat(first).isTrue();
		assertThat(repeat).isFalse();
		assertThatThrownBy(broken::block).hasRootCauseMessage("division by zero");
		assertThat(consume(settings.topic(Topics.POINTS_AWARDED), worker, 1))
			.extracting(record -> record.value().replaceAll(".*\"newTotal\":(\\d+).*", "$1"))
			.containsExactly("1");
		assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE message_key = :key")
			.bind("key", worker.toString())
			.map(r -> r.get("n", Long.class))
			.one()
			.block()).isEqualTo(1L);
		assertThat(db.sql("SELECT count(*) AS n FROM change_under_test WHERE id = :id")
			.bind("id", failing)
			.map(r -> r.get("n", Long.class))
			.one()
			.block()).isZero();
	}

	static PointsAwarded points(UUID worker, int total) {
		return new PointsAwarded(UUID.randomUUID(), Instant.now(), "demo", PointsAwarded.SCHEMA_VERSION, worker,
				UUID.randomUUID(), java.time.LocalDate.now(), 1, total, total / 10, (long) total, null);
	}

	private List<ConsumerRecord<String, String>> consume(String topic, UUID worker, int expected) {
		return consume(bootstrapServers, topic, worker, expected);
	}

	/** Reads the topic from the start until {@code expected} records keyed by the worker arrived. */
	static List<ConsumerRecord<String, String>> consume(String bootstrapServers, String topic, UUID worker,
			int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (record.key().equals(worker.toString())) {
						received.add(record);
					}
				});
				return received.size() >= expected;
			});
		}
		return received;
	}
}
