package org.netsecweek.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The books after a fault, each rule read from the service that owns the facts: accepted submissions stored and
 * booked once, totals equal to the ledger (and to quiz's and lottery's views of them), draws within entitlements and
 * all completed, prizes within stock, the report equal to a recount from quiz's and lottery's own tables, nothing left
 * unprocessed.
 */
final class Books {

	private final FaultSuite suite;

	private final EventLog events;

	private final String campaign;

	private final String admin;

	Books(FaultSuite suite, EventLog events, String campaign, String admin) {
		this.suite = suite;
		this.events = events;
		this.campaign = campaign;
		this.admin = admin;
	}

	record Line(String rule, String figures, boolean holds) {

		@Override
		public String toString() {
			return String.format("%-4s %-46s %s", holds ? "ok" : "FAIL", rule, figures);
		}
	}

	/** Waits until nothing is in flight (lag 0, outboxes sent, no draw pending); how long it took, or null. */
	Duration settle(Duration timeout) throws SQLException {
		long start = System.nanoTime();
		while (System.nanoTime() - start < timeout.toNanos()) {
			if (events.lag() == 0 && unsent() == 0 && pendingDraws() == 0) {
				return Duration.ofNanos(System.nanoTime() - start);
			}
			FaultSuite.pause(Duration.ofMillis(250));
		}
		return null;
	}

	long unsent() throws SQLException {
		long unsent = 0;
		for (Service service : Service.values()) {
			unsent += count(service, "SELECT count(*) FROM outbox WHERE sent_at IS NULL");
		}
		return unsent;
	}

	/** Outbox rows written before {@code instant} and not yet published, in every service. */
	long unsentBefore(java.time.Instant instant) throws SQLException {
		long unsent = 0;
		for (Service service : Service.values()) {
			unsent += count(service, "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND created_at <= ?",
					java.sql.Timestamp.from(instant));
		}
		return unsent;
	}

	private long pendingDraws() throws SQLException {
		return count(Service.QUIZ, "SELECT count(*) FROM draw WHERE status = 'PENDING'")
				+ count(Service.LOTTERY, "SELECT count(*) FROM draw WHERE status = 'PENDING'");
	}

	List<Line> check(Set<UUID> acceptedAttempts, Set<UUID> acceptedDraws, long deadLettersExpected) throws SQLException {
		List<Line> lines = new ArrayList<>();
		long lag = events.lag();
		long unsent = unsent();
		long pending = pendingDraws();
		lines.add(new Line("nothing left unprocessed", "lag " + lag + ", outbox unsent " + unsent + ", draws pending "
				+ pending, lag == 0 && unsent == 0 && pending == 0));

		UUID[] accepted = acceptedAttempts.toArray(UUID[]::new);
		long stored = count(Service.QUIZ, "SELECT count(*) FROM attempt WHERE id = ANY(?)", (Object) accepted);
		lines.add(new Line("accepted (2xx) submissions stored", accepted.length + " accepted, " + stored + " stored",
				stored == accepted.length));
		long twice = count(Service.QUIZ, "SELECT count(*) FROM (SELECT 1 FROM attempt GROUP BY worker_id, campaign_day "
				+ "HAVING count(*) > 1) d");
		lines.add(new Line("one attempt per worker and day", twice + " workers with two", twice == 0));
		Set<UUID> attempts = ids(Service.QUIZ, "SELECT id FROM attempt WHERE campaign_id = ?", campaign);
		Set<UUID> booked = ids(Service.SCORING, "SELECT attempt_id FROM ledger_entry WHERE campaign_id = ?", campaign);
		booked.addAll(ids(Service.SCORING, "SELECT attempt_id FROM held_attempt WHERE campaign_id = ?", campaign));
		long entries = count(Service.SCORING, "SELECT count(*) FROM ledger_entry WHERE campaign_id = ?", campaign);
		Set<UUID> unbooked = new HashSet<>(attempts);
		unbooked.removeAll(booked);
		Set<UUID> unknown = new HashSet<>(booked);
		unknown.removeAll(attempts);
		lines.add(new Line("every stored attempt booked exactly once", attempts.size() + " attempts, " + entries
				+ " ledger entries, " + unbooked.size() + " unbooked, " + unknown.size() + " unknown",
				unbooked.isEmpty() && unknown.isEmpty() && entries == attempts.size()));

		JsonNode integrity = Http.expect(suite.port(Service.SCORING), "GET", "/api/admin/integrity?campaignId=" + campaign,
				admin, null);
		Map<UUID, Long> totals = map(Service.SCORING, "SELECT worker_id, total FROM points_total WHERE campaign_id = ?");
		long ledgerSum = count(Service.SCORING, "SELECT coalesce(sum(points), 0) FROM ledger_entry WHERE campaign_id = ?",
				campaign);
		long totalSum = totals.values().stream().mapToLong(Long::longValue).sum();
		lines.add(new Line("points totals = ledger sums", "integrity check " + (integrity.get("passed").asBoolean()
				? "passed" : "FAILED " + integrity.get("problems")) + "; " + totalSum + " = " + ledgerSum,
				integrity.get("passed").asBoolean() && totalSum == ledgerSum));
		Map<UUID, Long> balances = map(Service.QUIZ, "SELECT worker_id, total FROM balance WHERE campaign_id = ?");
		lines.add(new Line("quiz balances = scoring totals", differing(balances, totals) + " workers differ",
				balances.equals(totals)));
		Map<UUID, Long> earned = map(Service.LOTTERY, "SELECT worker_id, draws_earned FROM entitlement WHERE campaign_id = ?");
		Map<UUID, Long> due = new HashMap<>();
		totals.forEach((worker, total) -> due.put(worker, total / 10));
		lines.add(new Line("lottery entitlements = totals / 10", differing(earned, due) + " workers differ",
				earned.equals(due)));
		long beyond = count(Service.LOTTERY, "SELECT count(*) FROM entitlement WHERE draws_used > draws_earned");
		lines.add(new Line("draws ≤ entitlements", beyond + " workers beyond", beyond == 0));

		UUID[] draws = acceptedDraws.toArray(UUID[]::new);
		long completed = count(Service.LOTTERY, "SELECT count(*) FROM draw WHERE draw_id = ANY(?) "
				+ "AND status IN ('PRIZE', 'NO_PRIZE')", (Object) draws);
		long asked = count(Service.QUIZ, "SELECT count(*) FROM draw WHERE campaign_id = ?", campaign);
		long drawn = count(Service.LOTTERY, "SELECT count(*) FROM draw WHERE campaign_id = ?", campaign);
		lines.add(new Line("accepted (202) draws completed once", draws.length + " accepted, " + completed
				+ " completed; quiz " + asked + " = lottery " + drawn, completed == draws.length && asked == drawn));
		long oversold = count(Service.LOTTERY, "SELECT count(*) FROM prize p WHERE p.stock_left <> p.quantity - (SELECT "
				+ "count(*) FROM draw d WHERE d.campaign_id = p.campaign_id AND d.prize_id = p.prize_id "
				+ "AND d.status = 'PRIZE') OR p.stock_left < 0");
		long won = count(Service.LOTTERY, "SELECT count(*) FROM draw WHERE status = 'PRIZE'");
		lines.add(new Line("prizes given ≤ stock (stock = quantity − won)", won + " won, " + oversold
				+ " prizes off their stock", oversold == 0));

		Map<String, List<Long>> report = report();
		Map<String, List<Long>> recount = recount();
		lines.add(new Line("report = recount (per union)", "report " + report + ", recount " + recount,
				report.equals(recount)));

		Map<String, Long> deadLetters = events.deadLetters();
		long dead = deadLetters.values().stream().mapToLong(Long::longValue).sum();
		long notReplayed = events.deadLettersNotReplayed();
		lines.add(new Line("dead letters: only the explained ones, all replayed", dead + " (expected "
				+ deadLettersExpected + "), " + notReplayed + " not replayed",
				dead == deadLettersExpected && notReplayed == 0));
		return lines;
	}

	/** The report's figures per union: attempts, workers covered, correct answers, draws, prizes given. */
	Map<String, List<Long>> report() {
		JsonNode progress = Http.expect(suite.port(Service.REPORTING), "GET", "/api/admin/progress?campaignId="
				+ campaign, admin, null);
		Map<String, List<Long>> figures = new TreeMap<>();
		for (JsonNode row : progress.get("unions")) {
			List<Long> union = List.of(row.get("attempts").asLong(), row.get("workersCovered").asLong(),
					row.get("correctAnswers").asLong(), row.get("draws").asLong(), row.get("prizesGiven").asLong());
			if (union.stream().anyMatch(n -> n != 0)) {
				figures.put(row.get("unionId").asString(), union);
			}
		}
		return figures;
	}

	/** The same figures counted from the facts where they are made: quiz's attempts, lottery's draws. */
	Map<String, List<Long>> recount() throws SQLException {
		Map<String, long[]> counts = new TreeMap<>();
		tally(counts, 0, Service.QUIZ, "SELECT w.union_id, count(*), count(DISTINCT a.worker_id), sum(a.correct_count) "
				+ "FROM attempt a JOIN worker w ON w.id = a.worker_id WHERE a.campaign_id = ? GROUP BY w.union_id");
		tally(counts, 3, Service.LOTTERY, "SELECT union_id, count(*) FILTER (WHERE status IN ('PRIZE', 'NO_PRIZE')), "
				+ "count(*) FILTER (WHERE status = 'PRIZE') FROM draw WHERE campaign_id = ? GROUP BY union_id");
		Map<String, List<Long>> figures = new TreeMap<>();
		counts.forEach((union, n) -> figures.put(union, List.of(n[0], n[1], n[2], n[3], n[4])));
		return figures;
	}

	/** Puts the query's figures per union (first column) into the unions' figures from position {@code at} on. */
	private void tally(Map<String, long[]> counts, int at, Service service, String sql) throws SQLException {
		try (Connection db = suite.db(service); PreparedStatement query = prepare(db, sql, campaign);
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				long[] union = counts.computeIfAbsent(rows.getString(1), u -> new long[5]);
				for (int column = 2; column <= rows.getMetaData().getColumnCount(); column++) {
					union[at + column - 2] = rows.getLong(column);
				}
			}
		}
	}

	private static long differing(Map<UUID, Long> a, Map<UUID, Long> b) {
		Set<UUID> workers = new HashSet<>(a.keySet());
		workers.addAll(b.keySet());
		return workers.stream().filter(w -> !Objects.equals(a.get(w), b.get(w))).count();
	}

	long count(Service service, String sql, Object... parameters) throws SQLException {
		try (Connection db = suite.db(service); PreparedStatement query = prepare(db, sql, parameters);
				ResultSet rows = query.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private Set<UUID> ids(Service service, String sql, Object... parameters) throws SQLException {
		Set<UUID> ids = new HashSet<>();
		try (Connection db = suite.db(service); PreparedStatement query = prepare(db, sql, parameters);
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	private Map<UUID, Long> map(Service service, String sql) throws SQLException {
		Map<UUID, Long> values = new HashMap<>();
		try (Connection db = suite.db(service); PreparedStatement query = prepare(db, sql, campaign);
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				values.put(rows.getObject(1, UUID.class), rows.getLong(2));
			}
		}
		return values;
	}

	private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
		PreparedStatement query = db.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			if (parameters[i] instanceof UUID[] uuids) {
				query.setArray(i + 1, db.createArrayOf("uuid", uuids));
			}
			else {
				query.setObject(i + 1, parameters[i]);
			}
		}
		return query;
	}
}
