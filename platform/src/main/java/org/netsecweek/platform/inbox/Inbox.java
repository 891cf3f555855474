package org.netsecweek.platform.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.CampaignEvent;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Applies each event at most once per consumer. The processed-event rows and the effect are written in one
 * transaction: if the effect fails, none is committed and the redelivery tries again; if it succeeded, the
 * redelivery finds the rows and skips those events. Concurrent deliveries of one event serialise on the row's
 * primary key. Message handlers use it through {@link EventHandler}.
 */
public class Inbox {

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	private final MeterRegistry meters;

	Inbox(DatabaseClient db, TransactionalOperator transaction, MeterRegistry meters) {
		this.db = db;
		this.transaction = transaction;
		this.meters = meters;
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
}
