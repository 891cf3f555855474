package org.netsecweek.reporting.participation;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.CampaignEvent;
import org.netsecweek.platform.inbox.Batches;
import org.netsecweek.platform.inbox.Inbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The platform inbox for a batch of events: the batch's processed-event rows (one statement), every new event's facts
 * and the counters they change commit in one transaction, so each event takes effect once however often Kafka
 * delivers it. If the batch fails, its events are applied one by one, each in its own transaction, and the first that
 * fails is reported by its index: the binder retries from there and finally sends only that one to the dead-letter
 * topic.
 */
@Component
class BatchInbox {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final DatabaseClient db;

	private final Inbox inbox;

	private final MeterRegistry meters;

	BatchInbox(DatabaseClient db, Inbox inbox, MeterRegistry meters) {
		this.db = db;
		this.inbox = inbox;
		this.meters = meters;
	}

	/**
	 * Applies the events a consumer has not applied yet.
	 *
	 * @param effect records one new event's facts and adds their counter changes to the tallies
	 */
	<E extends CampaignEvent> void consume(String consumer, List<E> events, BiFunction<E, Tallies, Mono<?>> effect) {
		consume(consumer, events, null, effect);
	}

	/**
	 * The same, with the events of a batch applied in {@code order} inside its transaction: consumers that write the
	 * same rows take them in one order, so their batches wait for each other instead of deadlocking. The polled order
	 * is kept everywhere else: a failing event is named to the container by its index in the poll.
	 */
	<E extends CampaignEvent> void consume(String consumer, List<E> events, Comparator<? super E> order,
			BiFunction<E, Tallies, Mono<?>> effect) {
		consumeAll(consumer, events, order,
				(fresh, tallies) -> Flux.fromIterable(fresh).concatMap(event -> effect.apply(event, tallies)).then());
	}

	/**
	 * The same, with an effect that records all of a batch's new events at once.
	 *
	 * @param effect records the new events' facts (in the batch's order) and adds their counter changes to the tallies
	 */
	<E extends CampaignEvent> void consumeAll(String consumer, List<E> events,
			BiFunction<List<E>, Tallies, Mono<?>> effect) {
		consumeAll(consumer, events, null, effect);
	}

	private <E extends CampaignEvent> void consumeAll(String consumer, List<E> events, Comparator<? super E> order,
			BiFunction<List<E>, Tallies, Mono<?>> effect) {
		Batches.take(consumer, events,
				part -> apply(consumer, order == null ? part : part.stream().sorted(order).toList(), effect));
	}

	private <E extends CampaignEvent> void apply(String consumer, List<E> events,
			BiFunction<List<E>, Tallies, Mono<?>> effect) {
		Tallies tallies = new Tallies();
		// one statement claims the batch's new events (platform inbox), then the effect records their facts
		inbox.onceEach(consumer, events, fresh -> effect.apply(fresh, tallies).then(Mono.defer(() -> tallies.apply(db))))
			.block(TIMEOUT);
		// counted only once the transaction committed
		tallies.recorded()
			.forEach((key, count) -> meters
				.counter("participation.facts.recorded", "kind", key.get(0), "campaign", key.get(1))
				.increment(count));
	}
}
