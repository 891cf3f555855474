package org.netsecweek.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.PlatformIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@PlatformIntegrationTest
class InboxIntegrationTests {

	@Autowired
	Inbox inbox;

	@Autowired
	DatabaseClient db;

	@BeforeEach
	void table() {
		db.sql("CREATE TABLE IF NOT EXISTS effect (event_id uuid NOT NULL)").then().block();
	}

	@Test
	void appliesAnEventOnceHoweverOftenAndHoweverConcurrentlyItIsDelivered() {
		DrawRequested event = event();

		long applied = Flux.range(0, 40)
			.parallel(8)
			.runOn(Schedulers.boundedElastic())
			.flatMap(i -> inbox.onceEach("test", List.of(event), this::recordAll))
			.sequential()
			.filter(events -> !events.isEmpty())
			.count()
			.block();

		assertThat(applied).isEqualTo(1);
		assertThat(effects(event)).isEqualTo(1);
	}

	@Test
	void aBatchAppliesOnlyItsNewEventsEachOnceInTheOrderGiven() {
		DrawRequested old = event();
		DrawRequested first = event();
		DrawRequested second = event();
		inbox.onceEach("test", List.of(old), this::recordAll).block();
		List<UUID> seen = new ArrayList<>();

		List<DrawRequested> applied = inbox.onceEach("test", List.of(second, old, first, second), events -> {
			events.forEach(e -> seen.add(e.eventId()));
			return recordAll(events);
		}).block();

		assertThat(applied).containsExactly(second, first);
		assertThat(seen).containsExactly(second.eventId(), first.eventId());
		assertThat(List.of(effects(old), effects(first), effects(second))).containsExactly(1L, 1L, 1L);
		assertThat(inbox.onceEach("test", List.of(first, second), events -> Mono.error(new AssertionError("ran"))).block())
			.isEmpty();
	}

	@Test
	void aFailedEffectLeavesNoRecordSoTheRedeliveryAppliesIt() {
		DrawRequested event = event();
		AtomicInteger calls = new AtomicInteger();

		assertThatThrownBy(() -> inbox.onceEach("test", List.of(event),
				events -> recordAll(events).then(Mono.error(new IllegalStateException("database hiccup")))).block())
			.hasMessageContaining("database hiccup");
		assertThat(effects(event)).isZero();

		IntStream.range(0, 3).forEach(i -> inbox.onceEach("test", List.of(event), events -> {
			calls.incrementAndGet();
			return recordAll(events);
		}).block());
		assertThat(calls).hasValue(1);
		assertThat(effects(event)).isEqualTo(1);
	}

	@Test
	void eachConsumerAppliesTheSameEventForItself() {
		DrawRequested event = event();

		assertThat(inbox.onceEach("first", List.of(event), this::recordAll).block()).hasSize(1);
		assertThat(inbox.onceEach("second", List.of(event), this::recordAll).block()).hasSize(1);
		assertThat(inbox.onceEach("second", List.of(event), this::recordAll).block()).isEmpty();
		assertThat(effects(event)).isEqualTo(2);
	}

	private Mono<Void> recordAll(List<DrawRequested> events) {
		return Flux.fromIterable(events).concatMap(this::record).then();
	}

	private Mono<Void> record(DrawRequested event) {
		return db.sql("INSERT INTO effect (event_id) VALUES (:id)").bind("id", event.eventId()).then();
	}

	private long effects(DrawRequested event) {
		return db.sql("SELECT count(*) AS n FROM effect WHERE event_id = :id")
			.bind("id", event.eventId())
			.map(row -> row.get("n", Long.class))
			.one()
			.block();
	}

	private static DrawRequested event() {
		return new DrawRequested(UUID.randomUUID(), Instant.now(), "demo", 1, UUID.randomUUID(), UUID.randomUUID(), 1,
				"harbin", "harbin-0001");
	}
}
