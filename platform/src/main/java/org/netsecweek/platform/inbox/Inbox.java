package org.netsecweek.platform.inbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.CampaignEvent;
import org.netsecweek.platform.resilience.DatabaseOutage;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Applies each event at most once per consumer. The processed-event row and the effect are written in one
 * transaction: if the effect fails, neither is committed and the redelivery tries again; if it succeeded, the
 * redelivery finds the row and skips. Concurrent deliveries of one event serialise on the row's primary key.
 */
public class Inbox {

	/** How long a handler waits for its transaction before the delivery counts as failed and is retried. */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	private final MeterRegistry meters;

	Inbox(DatabaseClient db, TransactionalOperator transaction, MeterRegistry meters) {
		this.db = db;
		this.transaction = transaction;
		this.meters = meters;
	}

	/**
	 * Runs {@code effect} in a transaction with the processed-event record, unless this consumer already applied
	 * the event. Emits {@code true} when the effect ran, {@code false} for a duplicate.
	 */
	public Mono<Boolean> once(String consumer, CampaignEvent event, Supplier<Mono<?>> effect) {
		Mono<Boolean> work = db
			.sql("INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
			.bind("consumer", consumer)
			.bind("eventId", event.eventId())
			.fetch()
			.rowsUpdated()
			.flatMap(inserted -> inserted == 1 ? effect.get().then(Mono.just(true)) : Mono.just(false));
		return transaction.transactional(work)
			.doOnNext(applied -> meters.counter("events.consumed", "consumer", consumer, "result",
					applied ? "applied" : "duplicate").increment());
	}

	/**
	 * Runs {@code effect} once, in one transaction with the processed-event records, on those of the events this
	 * consumer has not applied yet (each event id once, in the order given). Emits the events it applied: none when
	 * all were duplicates, in which case the effect does not run.
	 */
	public <E extends CampaignEvent> Mono<List<E>> onceEach(String consumer, List<E> events,
			Function<List<E>, Mono<?>> effect) {
		Mono<List<E>> work = db
			.sql("INSERT INTO processed_event (consumer, event_id) SELECT :consumer, id FROM unnest(CAST(:ids AS uuid[])) "
					+ "AS t(id) ORDER BY id ON CONFLICT DO NOTHING RETURNING event_id")
			.bind("consumer", consumer)
			.bind("ids", events.stream().map(CampaignEvent::eventId).distinct().sorted().toArray(UUID[]::new))
			.map(row -> row.get("event_id", UUID.class))
			.all()
			.collect(Collectors.toSet())
			.flatMap(fresh -> {
				Set<UUID> taken = new HashSet<>();
				List<E> apply = events.stream().filter(e -> fresh.contains(e.eventId()) && taken.add(e.eventId())).toList();
				return apply.isEmpty() ? Mono.just(apply) : effect.apply(apply).then(Mono.just(apply));
			});
		return transaction.transactional(work).doOnNext(applied -> {
			meters.counter("events.consumed", "consumer", consumer, "result", "applied").increment(applied.size());
			meters.counter("events.consumed", "consumer", consumer, "result", "duplicate")
				.increment(events.size() - applied.size());
		});
	}

	/**
	 * The blocking form of {@link #once} for message handlers, which run on Kafka listener threads: the delivery
	 * is acknowledged only after the transaction committed, and a failure throws so the binder retries it.
	 */
	public boolean consume(String consumer, CampaignEvent event, Supplier<Mono<?>> effect) {
		return DatabaseOutage.waitOut(consumer, () -> Boolean.TRUE.equals(once(consumer, event, effect).block(TIMEOUT)));
	}


}
