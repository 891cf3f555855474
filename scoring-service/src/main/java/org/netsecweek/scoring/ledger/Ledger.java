package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.netsecweek.events.quiz.AnswerSubmitted;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The points ledger as a worker and an admin read it: a worker's entries in the order they changed the total, and
 * the total, which always equals their sum. Bookings go through {@link Bookkeeper}.
 */
@Component
class Ledger {

	private final DatabaseClient db;

	private final Bookkeeper bookkeeper;

	Ledger(DatabaseClient db, Bookkeeper bookkeeper) {
		this.db = db;
		this.bookkeeper = bookkeeper;
	}

	/** Books an attempt an admin released after review, in the caller's transaction; {@code note} goes in the reason. */
	Mono<Void> bookReleased(AnswerSubmitted answer, String note) {
		return bookkeeper.bookReleased(answer, note);
	}

	/** Both kinds of entry, booked attempts and admin adjustments, in the order they changed the total. */
	Flux<LedgerEntry> entries(String campaignId, UUID workerId) {
		return db.sql("SELECT kind, attempt_id, adjustment_id, campaign_day, points, reason, total_after, sequence, "
				+ "booked_at FROM ledger_entry WHERE campaign_id = :campaign AND worker_id = :worker "
				+ "ORDER BY sequence NULLS FIRST, id")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.map(row -> new LedgerEntry(row.get("kind", String.class), row.get("attempt_id", UUID.class),
					row.get("adjustment_id", UUID.class), row.get("campaign_day", LocalDate.class),
					row.get("points", Integer.class), row.get("reason", String.class),
					row.get("total_after", Integer.class), row.get("sequence", Long.class),
					row.get("booked_at", Instant.class)))
			.all();
	}

	/**
	 * The union of a worker with points in the campaign (an empty optional for totals kept before the union was);
	 * empty when nothing is booked for them yet.
	 */
	Mono<java.util.Optional<String>> unionOf(String campaignId, UUID workerId) {
		return db.sql("SELECT union_id FROM points_total WHERE campaign_id = :campaign AND worker_id = :worker")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.map(row -> java.util.Optional.ofNullable(row.get("union_id", String.class)))
			.one();
	}

	Mono<Integer> total(String campaignId, UUID workerId) {
		return db.sql("SELECT total FROM points_total WHERE campaign_id = :campaign AND worker_id = :worker")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.map(row -> row.get("total", Integer.class))
			.one()
			.defaultIfEmpty(0);
	}
}
