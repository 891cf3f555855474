package org.netsecweek.lottery.draw;

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
import java.util.concurrent.atomic.AtomicReference;

import org.netsecweek.infra.Postgres;

/**
 * The machine's hot-counter limit on a given PostgreSQL: the durable commits per second of {@code clients} JDBC
 * connections, each transaction one UPDATE of a single prize counter and one draw INSERT. The same SQL as the
 * {@code limit} scenario of {@code deploy/bench} (its {@code Limit}), kept here so lottery does not depend on bench.
 */
final class HotCounter {

	private HotCounter() {
	}

	static double commitsPerSecond(Postgres postgres, int clients, Duration duration) throws Exception {
		postgres.createDatabase("lottery_hot_counter");
		String url = postgres.jdbcUrl("lottery_hot_counter");
		try (Connection c = DriverManager.getConnection(url, postgres.username(), postgres.password());
				Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS prize_counter, draw_row");
			s.execute("CREATE TABLE prize_counter (id int PRIMARY KEY, stock_left bigint NOT NULL CHECK (stock_left >= 0))");
			s.execute("INSERT INTO prize_counter VALUES (1, 1000000000)");
			s.execute("CREATE TABLE draw_row (draw_id uuid PRIMARY KEY, worker_id uuid NOT NULL, prize text, "
					+ "completed_at timestamptz NOT NULL DEFAULT now())");
		}
		AtomicLong commits = new AtomicLong();
		AtomicReference<SQLException> failure = new AtomicReference<>();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread thread = new Thread(() -> {
				try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
						PreparedStatement take = connection.prepareStatement(
								"UPDATE prize_counter SET stock_left = stock_left - 1 WHERE id = 1 AND stock_left > 0");
						PreparedStatement draw = connection.prepareStatement("INSERT INTO draw_row VALUES (?, ?, 'p')")) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						take.executeUpdate();
						draw.setObject(1, UUID.randomUUID());
						draw.setObject(2, UUID.randomUUID());
						draw.executeUpdate();
						connection.commit();
						commits.incrementAndGet();
					}
				}
				catch (SQLException ex) {
					failure.compareAndSet(null, ex);
				}
			}, "hot-counter-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("A hot-counter client failed", failure.get());
		}
		return commits.get() / ((System.nanoTime() - start) / 1e9);
	}
}
