package org.netsecweek.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The books after a run, read from each service's own database: every accepted submission stored and booked once,
 * totals equal to the ledger, no draw beyond entitlement, no prize beyond stock, every draw asked for completed.
 */
final class Books {

	private Books() {
	}

	record Line(String rule, String figures, boolean holds) {
	}

	static List<Line> check(long accepted, String campaignId, DatabaseClient quiz, DatabaseClient scoring,
			DatabaseClient lottery) {
		List<Line> lines = new ArrayList<>();
		long attempts = count(quiz, "SELECT count(*) AS n FROM attempt WHERE campaign_id = '" + campaignId + "'");
		lines.add(new Line("accepted submissions = attempts stored", accepted + " = " + attempts, accepted == attempts));
		long booked = waitFor(() -> count(scoring, "SELECT count(*) AS n FROM ledger_entry WHERE campaign_id = '"
				+ campaignId + "' AND attempt_id IS NOT NULL"), attempts);
		long held = count(scoring, "SELECT count(*) AS n FROM held_attempt WHERE campaign_id = '" + campaignId + "'");
		lines.add(new Line("attempts stored = ledger entries (+ held for review)", attempts + " = " + booked + " + " + held,
				attempts == booked + held));
		long duplicates = count(scoring, "SELECT count(*) AS n FROM (SELECT attempt_id FROM ledger_entry "
				+ "WHERE attempt_id IS NOT NULL GROUP BY attempt_id HAVING count(*) > 1) d");
		lines.add(new Line("points booked once per attempt", duplicates + " attempts booked twice", duplicates == 0));
		long offTotals = count(scoring, "SELECT count(*) AS n FROM points_total t WHERE t.total <> (SELECT "
				+ "coalesce(sum(e.points), 0) FROM ledger_entry e WHERE e.campaign_id = t.campaign_id "
				+ "AND e.worker_id = t.worker_id)");
		lines.add(new Line("totals = ledger sums", offTotals + " totals differ", offTotals == 0));
		long requested = count(quiz, "SELECT count(*) AS n FROM draw WHERE campaign_id = '" + campaignId + "'");
		long completed = waitFor(() -> count(lottery, "SELECT count(*) AS n FROM draw WHERE campaign_id = '" + campaignId
				+ "' AND status <> 'PENDING'"), requested);
		lines.add(new Line("draws asked for = draws completed", requested + " = " + completed, requested == completed));
		long beyond = count(lottery, "SELECT count(*) AS n FROM entitlement WHERE draws_used > draws_earned");
		lines.add(new Line("draws ≤ entitlements", beyond + " workers beyond", beyond == 0));
		long oversold = count(lottery, "SELECT count(*) AS n FROM prize p WHERE (SELECT count(*) FROM draw d "
				+ "WHERE d.campaign_id = p.campaign_id AND d.prize_id = p.prize_id AND d.status = 'PRIZE') > p.quantity");
		long won = count(lottery, "SELECT count(*) AS n FROM draw WHERE status = 'PRIZE'");
		lines.add(new Line("prizes given ≤ stock", won + " won, " + oversold + " prizes oversold", oversold == 0));
		return lines;
	}

	/** The figure once it reaches {@code expected}, or what it is after a minute. */
	private static long waitFor(java.util.function.LongSupplier figure, long expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long value = figure.getAsLong();
		while (value < expected && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(200_000_000);
			value = figure.getAsLong();
		}
		return value;
	}

	private static long count(DatabaseClient db, String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block(Duration.ofMinutes(1));
	}
}
