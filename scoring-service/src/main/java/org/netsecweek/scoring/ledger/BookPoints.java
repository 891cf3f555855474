package org.netsecweek.scoring.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.resilience.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Books the points of submitted papers, once each, a polled batch at a time (binding {@code bookPoints-in-0}, batch
 * mode, reads {@code answer-submitted}). The batch commits in one transaction. When it fails, its events are booked
 * one by one, each in its own transaction, so a single bad event cannot hold the others back: the first that fails
 * on its own is reported by its index ({@link BatchListenerFailedException}), the container commits the offsets
 * before it and retries from it with back-off, and after the retries it goes to {@code answer-submitted.dlq}
 * (the platform's {@code batchDeadLetters}). The records arrive as bytes and are read here with the service's JSON mapper:
 * several times faster than the binder's per-record conversion, and a record that is not an AnswerSubmitted is a
 * dead letter like any other.
 */
@Component("bookPoints")
class BookPoints implements Consumer<List<byte[]>> {

	private static final Logger log = LoggerFactory.getLogger(BookPoints.class);

	/** How long a batch waits for its transaction before it counts as failed. */
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Bookkeeper bookkeeper;

	private final JsonMapper json;

	BookPoints(Bookkeeper bookkeeper, JsonMapper json) {
		this.bookkeeper = bookkeeper;
		this.json = json;
	}

	@Override
	public void accept(List<byte[]> records) {
		List<AnswerSubmitted> batch = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				batch.add(json.readValue(records.get(i), AnswerSubmitted.class));
			}
			catch (RuntimeException ex) {
				book(batch);
				throw new BatchListenerFailedException("Record " + i + " of the batch is not an AnswerSubmitted", ex, i);
			}
		}
		book(batch);
	}

	/** Books a batch of events: in one transaction, or one by one when that fails. */
	void book(List<AnswerSubmitted> batch) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			long start = System.nanoTime();
			DatabaseOutage.waitOut("bookPoints", () -> bookkeeper.book(batch).block(TIMEOUT));
			log.debug("Booked a batch of {} events in {} ms", batch.size(), (System.nanoTime() - start) / 1_000_000);
			return;
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				throw new BatchListenerFailedException("Could not book " + describe(batch.get(0)), ex, 0);
			}
			log.warn("Batch of {} events failed ({}); booking them one by one", batch.size(), ex.toString());
		}
		for (int i = 0; i < batch.size(); i++) {
			try {
				List<AnswerSubmitted> one = List.of(batch.get(i));
				DatabaseOutage.waitOut("bookPoints", () -> bookkeeper.book(one).block(TIMEOUT));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException("Could not book " + describe(batch.get(i)), ex, i);
			}
		}
	}

	/** Books one event as a batch of one: the blocking form the tests and a single redelivery use. */
	void accept(AnswerSubmitted answer) {
		book(List.of(answer));
	}

	private static String describe(AnswerSubmitted answer) {
		return "event " + answer.eventId() + " (attempt " + answer.attemptId() + ")";
	}
}
