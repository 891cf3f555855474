package org.netsecweek.platform.inbox;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.netsecweek.events.CampaignEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message handler bean whose effect takes place once per event, a polled batch at a time: subclass it with the
 * effect, name the bean after the binding ({@code @Component("updateBalance")} reads binding
 * {@code updateBalance-in-0}), and the inbox does the rest. Every binding is in batch mode (the platform defaults):
 * the new events of a poll and their processed-event records commit in one transaction, so a consumer keeps up
 * with a burst with one commit per poll instead of one per event, and a waiting worker sees the effect as soon as
 * the poll's transaction commits. When the batch fails, its events are taken one by one and the first that fails
 * on its own is retried and finally dead-lettered by itself ({@link Batches}, the platform's
 * {@code batchDeadLetters}). The records arrive as bytes and are read here with the service's JSON mapper, so a
 * record that cannot be read is a dead letter like any other.
 *
 * @param <E> the event type the binding reads
 */
public abstract class EventHandler<E extends CampaignEvent> implements Consumer<List<byte[]>> {

	/** How long a batch waits for its transaction before it counts as failed. */
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Inbox inbox;

	private final JsonMapper json;

	private final Class<E> type;

	private final String consumer;

	private final Function<List<E>, Mono<?>> effect;

	/**
	 * @param consumer the name the processed-event records are kept under; the bean name, by convention
	 * @param effect the effect on the batch's new events (each event once, in the order polled), run in one
	 * transaction with their processed-event records; {@link #eachInOrder} makes one of an effect per event
	 */
	protected EventHandler(Inbox inbox, JsonMapper json, Class<E> type, String consumer,
			Function<List<E>, Mono<?>> effect) {
		this.inbox = inbox;
		this.json = json;
		this.type = type;
		this.consumer = consumer;
		this.effect = effect;
	}

	/** A batch effect that applies {@code effect} to each event in turn, in the batch's transaction. */
	protected static <E> Function<List<E>, Mono<?>> eachInOrder(Function<E, Mono<?>> effect) {
		return events -> Flux.fromIterable(events).concatMap(effect).then();
	}

	/** A polled batch, as the binder delivers it. */
	@Override
	public void accept(List<byte[]> records) {
		Batches.takeRecords(consumer, records, record -> json.readValue(record, type), this::takeInOneTransaction);
	}

	/** Takes events as one polled batch: in one transaction, or one by one when that fails. */
	public void take(List<E> events) {
		Batches.take(consumer, events, this::takeInOneTransaction);
	}

	/** Takes one event as a batch of one: the blocking form tests and tools use. */
	public void accept(E event) {
		take(List.of(event));
	}

	private void takeInOneTransaction(List<E> events) {
		inbox.onceEach(consumer, events, effect).block(TIMEOUT);
	}
}
