package org.netsecweek.lottery.draw;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.inbox.Batches;
import org.netsecweek.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Takes each draw request once, a polled batch at a time (binding {@code performDraw-in-0}, batch mode, reads
 * {@code draw-requested}): the batch's processed-event records, draws, entitlements, inventory, log entries and
 * DrawCompleted outbox rows commit in one transaction, with each campaign's chain locked once for all its draws.
 * When the batch fails, its events are taken one by one, each in its own transaction, so one bad event cannot hold
 * the others back: the first that fails on its own is reported by its index ({@link BatchListenerFailedException}),
 * the container commits the offsets before it and retries from it with back-off, and after the retries it goes to
 * {@code draw-requested.dlq} (the platform's {@code batchDeadLetters}). The records arrive as bytes and are read here, so a
 * record that is not a DrawRequested is a dead letter like any other.
 */
@Component("performDraw")
class PerformDraw implements Consumer<List<byte[]>> {

	/** The consumer the processed-event records are kept under: the binding's bean. */
	private static final String CONSUMER = "performDraw";

	/** How long a batch waits for its transaction before it counts as failed. */
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Inbox inbox;

	private final DrawManagement draws;

	private final JsonMapper json;

	PerformDraw(Inbox inbox, DrawManagement draws, JsonMapper json) {
		this.inbox = inbox;
		this.draws = draws;
		this.json = json;
	}

	@Override
	public void accept(List<byte[]> records) {
		Batches.takeRecords(CONSUMER, records, record -> json.readValue(record, DrawRequested.class),
				this::drawInOneTransaction);
	}

	/** Takes one request as a batch of one: the blocking form the tests use. */
	void accept(DrawRequested request) {
		draw(List.of(request));
	}

	/** Takes a batch of requests: in one transaction, or one by one when that fails. */
	void draw(List<DrawRequested> batch) {
		Batches.take(CONSUMER, batch, this::drawInOneTransaction);
	}

	private void drawInOneTransaction(List<DrawRequested> batch) {
		inbox.onceEach(CONSUMER, batch, draws::request).block(TIMEOUT);
	}
}
