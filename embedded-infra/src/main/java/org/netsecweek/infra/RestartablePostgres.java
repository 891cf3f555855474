package org.netsecweek.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of a test's own that the test can stop and start again, on the same port and data, to see
 * what services do while their database is away and whether they recover by themselves.
 */
public final class RestartablePostgres implements AutoCloseable {

	private final int port;

	private final Path data;

	private EmbeddedPostgres server;

	private RestartablePostgres(int port, Path data) {
		this.port = port;
		this.data = data;
	}

	public static RestartablePostgres start() {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			RestartablePostgres postgres = new RestartablePostgres(port, Files.createTempDirectory("netsec-pg-outage"));
			postgres.up();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Postgres postgres() {
		return new Postgres("localhost", port, "postgres", "");
	}

	/** Stops the server: connections break, new ones are refused. */
	public synchronized void down() {
		try {
			server.close();
			server = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the server again on the same port with the same data. */
	public synchronized void up() {
		try {
			server = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void close() {
		if (server != null) {
			down();
		}
	}
}
