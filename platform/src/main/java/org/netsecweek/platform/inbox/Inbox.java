package org.netsecweek.platform.inbox;

import java.time.Duration;
import java.util.function.Supplier;

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
	 * The blocking form of {@link #once} for message handlers, which run on Kafka listener threads: the delivery
	 * is acknowledged only after the transaction committed, and a failure throws so the binder retries it.
	 */
	public boolean consume(String consumer, CampaignEvent event, Supplier<Mono<?>> effect) {
		return DatabaseOutage.waitOut(consumer, () -> Boolean.TRUE.equals(once(consumer, event, effect).block(TIMEOUT)));
	}


}
