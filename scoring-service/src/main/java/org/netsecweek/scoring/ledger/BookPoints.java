package org.netsecweek.scoring.ledger;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.inbox.Batches;
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
		Batches.takeRecords("bookPoints", records, record -> json.readValue(record, AnswerSubmitted.class),
				this::bookInOneTransaction);
	}

	/** Books a batch of events: in one transaction, or one by one when that fails. */
	void book(List<AnswerSubmitted> batch) {
		Batches.take("bookPoints", batch, this::bookInOneTransaction);
	}

	private void bookInOneTransaction(List<AnswerSubmitted> batch) {
		bookkeeper.book(batch).block(TIMEOUT);
	}

	/** Books one event as a batch of one: the blocking form the tests and a single redelivery use. */
	void accept(AnswerSubmitted answer) {
		book(List.of(answer));
	}
}
