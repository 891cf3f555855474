package org.netsecweek.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.netsecweek.infra.Postgres;

/**
 * This machine's raw limits, on the suite's own PostgreSQL, without the services: the writes the quiz makes per
 * submission, a single hot prize counter, and one row per prize unit claimed with {@code FOR UPDATE SKIP LOCKED};
 * each with durable commits from {@code clients} JDBC connections for a while.
 */
final class Limit {

	private final Postgres postgres;

	private final int clients;

	private final Duration duration;

	Limit(Postgres postgres, int clients, Duration duration) {
		this.postgres = postgres;
		this.clients = clients;
		this.duration = duration;
	}

	record Figures(double submissionCommits, double hotCounterCommits, double unitClaimCommits) {
	}

	Figures run() throws Exception {
		postgres.createDatabase("bench_limit");
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS attempt, outbox, prize_counter, prize_unit, draw_row");
			// the quiz's attempt and the platform's outbox, as their migrations create them
			s.execute("CREATE TABLE attempt (id uuid PRIMARY KEY, campaign_id text NOT NULL, worker_id uuid NOT NULL, "
					+ "campaign_day date NOT NULL, idempotency_key text NOT NULL, correct_count int NOT NULL, "
					+ "question_count int NOT NULL, graded text NOT NULL, submitted_at timestamptz NOT NULL, "
					+ "UNIQUE (campaign_id, worker_id, campaign_day))");
			s.execute("CREATE TABLE outbox (id bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, topic text NOT NULL, "
					+ "message_key text NOT NULL, event_type text NOT NULL, payload text NOT NULL, "
					+ "created_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz)");
			s.execute("CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL");
			s.execute("CREATE TABLE prize_counter (id int PRIMARY KEY, stock_left bigint NOT NULL CHECK (stock_left >= 0))");
			s.execute("INSERT INTO prize_counter VALUES (1, 1000000000)");
			s.execute("CREATE TABLE prize_unit (id bigserial PRIMARY KEY, claimed_by uuid)");
			s.execute("INSERT INTO prize_unit (claimed_by) SELECT NULL FROM generate_series(1, 300000)");
			s.execute("CREATE INDEX prize_unit_free ON prize_unit (id) WHERE claimed_by IS NULL");
			s.execute("CREATE TABLE draw_row (draw_id uuid PRIMARY KEY, worker_id uuid NOT NULL, prize text, "
					+ "completed_at timestamptz NOT NULL DEFAULT now())");
			s.execute("VACUUM ANALYZE");
		}
		String graded = "{\"results\":[" + "{\"questionId\":\"q\",\"correct\":true},".repeat(9)
				+ "{\"questionId\":\"q\",\"correct\":true}]}";
		String payload = "x".repeat(600);
		double submissions = measure("limit: attempt+outbox", connection -> {
			try (PreparedStatement attempt = connection.prepareStatement("INSERT INTO attempt VALUES (?, 'demo', ?, "
					+ "current_date, ?, 10, 10, ?, now())");
					PreparedStatement outbox = connection.prepareStatement("INSERT INTO outbox (event_id, topic, "
							+ "message_key, event_type, payload) VALUES (?, 'answer-submitted', ?, 'AnswerSubmitted', ?)")) {
				UUID worker = UUID.randomUUID();
				attempt.setObject(1, UUID.randomUUID());
				attempt.setObject(2, worker);
				attempt.setString(3, worker.toString());
				attempt.setString(4, graded);
				attempt.executeUpdate();
				outbox.setObject(1, UUID.randomUUID());
				outbox.setString(2, worker.toString());
				outbox.setString(3, payload);
				outbox.executeUpdate();
			}
		});
		double hot = measure("limit: hot counter", connection -> {
			try (PreparedStatement take = connection.prepareStatement(
					"UPDATE prize_counter SET stock_left = stock_left - 1 WHERE id = 1 AND stock_left > 0");
					PreparedStatement draw = connection.prepareStatement("INSERT INTO draw_row VALUES (?, ?, 'p')")) {
				take.executeUpdate();
				draw.setObject(1, UUID.randomUUID());
				draw.setObject(2, UUID.randomUUID());
				draw.executeUpdate();
			}
		});
		double units = measure("limit: unit SKIP LOCKED", connection -> {
			try (PreparedStatement claim = connection.prepareStatement("UPDATE prize_unit SET claimed_by = ? WHERE id = "
					+ "(SELECT id FROM prize_unit WHERE claimed_by IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)");
					PreparedStatement draw = connection.prepareStatement("INSERT INTO draw_row VALUES (?, ?, 'p')")) {
				UUID id = UUID.randomUUID();
				claim.setObject(1, id);
				claim.executeUpdate();
				draw.setObject(1, id);
				draw.setObject(2, UUID.randomUUID());
				draw.executeUpdate();
			}
		});
		return new Figures(submissions, hot, units);
	}

	interface Transaction {

		void run(Connection connection) throws SQLException;

	}

	/** Commits per second of {@code clients} threads, each repeating the transaction for the duration. */
	private double measure(String label, Transaction transaction) throws Exception {
		AtomicLong commits = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < clients; i++) {
			Thread thread = new Thread(() -> {
				try (Connection connection = connect()) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						try {
							transaction.run(connection);
							connection.commit();
							commits.incrementAndGet();
						}
						catch (SQLException ex) {
							connection.rollback();
							failures.incrementAndGet();
						}
					}
				}
				catch (SQLException ex) {
					failures.incrementAndGet();
				}
			}, "limit-" + i);
			thread.start();
			threads.add(thread);
		}
		while (threads.stream().anyMatch(Thread::isAlive)) {
			Thread.sleep(1000);
			long elapsed = (System.nanoTime() - start) / 1_000_000_000;
			System.out.printf("\r  %-22s %3ds/%ds  commits %d  failed %d   ", label, elapsed, duration.toSeconds(),
					commits.get(), failures.get());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("\r  %-22s %.0f commits/s (%d clients, %d failed)                 %n", label,
				commits.get() / seconds, clients, failures.get());
		return commits.get() / seconds;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl("bench_limit"), postgres.username(), postgres.password());
	}
}
