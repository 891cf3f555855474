package org.netsecweek.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netsecweek.platform.outbox.OutboxIntegrationTests.consume;
import static org.netsecweek.platform.outbox.OutboxIntegrationTests.points;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.platform.PlatformIntegrationTest;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The relay publishes because the outbox tells it of committed rows, not because it polls: here it would poll once
 * an hour, so every event below arrives only if the telling works.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "netsec.events.idle-poll-interval=1h")
class OutboxRelayWakeIntegrationTests {

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
	void publishesAStatementsEventAsSoonAsItIsWritten() {
		db.sql("CREATE TABLE IF NOT EXISTS woken_by (id uuid PRIMARY KEY)").then().block();
		UUID worker = UUID.randomUUID();

		outbox.appendIfChanged("INSERT INTO woken_by (id) VALUES (:id) RETURNING id", Map.of("id", worker),
				points(worker, 1))
			.block();

		assertThat(consume(bootstrapServers, settings.topic(Topics.POINTS_AWARDED), worker, 1)).hasSize(1);
	}

	@Test
	void publishesATransactionsEventWhenItCommitsNotWhenItIsWritten() {
		UUID worker = UUID.randomUUID();
		// told before the commit, the relay would look, find nothing committed, and wait an hour
		TransactionalOperator.create(transactions)
			.transactional(outbox.append(points(worker, 1)).then(Mono.delay(Duration.ofMillis(500))))
			.block();

		assertThat(consume(bootstrapServers, settings.topic(Topics.POINTS_AWARDED), worker, 1)).hasSize(1);
	}

	@Test
	void looksAgainWhileAnotherInstancesRelayHoldsTheLock() {
		UUID worker = UUID.randomUUID();
		Disposable otherRelay = TransactionalOperator.create(transactions)
			.transactional(db.sql("SELECT pg_advisory_xact_lock(" + OutboxRelay.LOCK_ID + ")")
				.then()
				.then(Mono.delay(Duration.ofSeconds(2))))
			.subscribe();
		try {
			await().atMost(Duration.ofSeconds(10)).until(this::lockHeld);
			outbox.append(points(worker, 1)).block();
			assertThat(lockHeld()).as("the other relay still held the lock when the event was written").isTrue();

			assertThat(consume(bootstrapServers, settings.topic(Topics.POINTS_AWARDED), worker, 1)).hasSize(1);
		}
		finally {
			otherRelay.dispose();
		}
	}

	private boolean lockHeld() {
		return db.sql("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted "
				+ "AND objid::bigint = :low AND classid::bigint = :high")
			.bind("low", OutboxRelay.LOCK_ID & 0xffffffffL)
			.bind("high", OutboxRelay.LOCK_ID >>> 32)
			.map(row -> row.get("n", Long.class))
			.one()
			.block() > 0;
	}
}
