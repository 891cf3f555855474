package org.netsecweek.platform.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.netsecweek.events.CampaignEvent;
import org.netsecweek.platform.resilience.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * How a batch binding takes a polled batch: all of it at once, waiting out a database outage; when that fails, one
 * event at a time, and the first event that fails on its own is named to the container by its index
 * ({@link BatchListenerFailedException}). The container then commits the events before it, retries it with the
 * platform's back-off and finally dead-letters it (the platform's {@code batchDeadLetters}), and the rest of the
 * batch follows: one bad event never holds the others back, and an outage never dead-letters sound events.
 */
public final class Batches {

	private static final Logger log = LoggerFactory.getLogger(Batches.class);

	private Batches() {
	}

	/**
	 * Reads the polled records and takes them; a record that cannot be read is named to the container by its index
	 * after the records before it were taken, so it is dead-lettered like any other failure.
	 */
	public static <E extends CampaignEvent> void takeRecords(String consumer, List<byte[]> records,
			Function<byte[], E> read, Consumer<List<E>> take) {
		List<E> batch = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				batch.add(read.apply(records.get(i)));
			}
			catch (RuntimeException ex) {
				take(consumer, batch, take);
				throw new BatchListenerFailedException(consumer + ": record " + i + " of the batch cannot be read", ex,
						i);
			}
		}
		take(consumer, batch, take);
	}

	/**
	 * @param take applies a part of the batch in one transaction and returns once it committed (blocking: batch
	 * handlers run on listener threads); throws when it could not
	 */
	public static <E extends CampaignEvent> void take(String consumer, List<E> batch, Consumer<List<E>> take) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			DatabaseOutage.waitOut(consumer, () -> {
				take.accept(batch);
				return null;
			});
			return;
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				throw failed(consumer, batch, 0, ex);
			}
			log.warn("{}: a batch of {} events failed ({}); taking them one by one", consumer, batch.size(),
					ex.toString());
		}
		for (int i = 0; i < batch.size(); i++) {
			List<E> one = List.of(batch.get(i));
			try {
				DatabaseOutage.waitOut(consumer, () -> {
					take.accept(one);
					return null;
				});
			}
			catch (RuntimeException ex) {
				throw failed(consumer, batch, i, ex);
			}
		}
	}

	/**
	 * Splits a batch into rounds that one set-based statement each can apply: round {@code k} holds the
	 * {@code k}-th event of every key (a worker, say), in the batch's order. Applying the rounds in turn applies each
	 * key's events in their order, and no round touches a key twice. A batch with one event per key is one round.
	 */
	public static <E, K> List<List<E>> rounds(List<E> batch, Function<? super E, K> key) {
		Map<K, Integer> seen = new HashMap<>();
		List<List<E>> rounds = new ArrayList<>();
		for (E event : batch) {
			int round = seen.merge(key.apply(event), 1, Integer::sum) - 1;
			if (round == rounds.size()) {
				rounds.add(new ArrayList<>());
			}
			rounds.get(round).add(event);
		}
		return rounds;
	}

	private static BatchListenerFailedException failed(String consumer, List<? extends CampaignEvent> batch, int index,
			RuntimeException cause) {
		return new BatchListenerFailedException(consumer + " could not take event " + batch.get(index).eventId()
				+ " (" + batch.get(index).getClass().getSimpleName() + ")", cause, index);
	}
}
