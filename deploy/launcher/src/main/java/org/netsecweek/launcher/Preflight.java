package org.netsecweek.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Checks that fail fast with a clear message instead of a hang or a stack trace. */
final class Preflight {

	private Preflight() {
	}

	/** The port must be free on this machine. */
	static void portFree(int port, String what, String variable) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
		}
		catch (IOException ex) {
			throw new LaunchProblem("Port " + port + " (" + what + ") is already in use. Stop the program using it "
					+ "(for example: ss -ltnp 'sport = :" + port + "'), or choose another port with " + variable
					+ "=<port>.");
		}
	}

	/** An external broker must answer within 10 seconds. */
	static void kafkaAnswers(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				10000))) {
			admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchProblem("Interrupted while looking for Kafka at " + bootstrapServers, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new LaunchProblem("No Kafka broker answers at " + bootstrapServers + " (NETSEC_KAFKA_BOOTSTRAP_SERVERS)."
					+ " Start it, or unset the variable to use the embedded broker.", ex);
		}
	}

	/** An external PostgreSQL must accept the configured user within 10 seconds. */
	static void postgresAnswers(String jdbcUrl, String user, String password) {
		DriverManager.setLoginTimeout(10);
		try (var connection = DriverManager.getConnection(jdbcUrl, user, password)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw new LaunchProblem("PostgreSQL at " + jdbcUrl + " does not accept user " + user + ": "
					+ ex.getMessage() + " (NETSEC_POSTGRES_HOST/PORT/USER/PASSWORD). Unset NETSEC_POSTGRES_HOST to use "
					+ "the embedded server.", ex);
		}
	}
}
