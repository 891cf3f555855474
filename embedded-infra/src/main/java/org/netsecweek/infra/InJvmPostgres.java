package org.netsecweek.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server started from the zonky binaries. */
final class InJvmPostgres implements AutoCloseable {

	private final EmbeddedPostgres server;

	private InJvmPostgres(EmbeddedPostgres server) {
		this.server = server;
	}

	static InJvmPostgres start(InfrastructureOptions options) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPGStartupWait(Duration.ofSeconds(60))
				// stopped by Infrastructure, after the services that use it
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "on");
			if (options.postgresPort() > 0) {
				builder.setPort(options.postgresPort());
			}
			if (options.postgresDataDirectory() != null) {
				Files.createDirectories(options.postgresDataDirectory());
				builder.setDataDirectory(options.postgresDataDirectory()).setCleanDataDirectory(false);
			}
			return new InJvmPostgres(builder.start());
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("The embedded PostgreSQL server did not start"
					+ (options.postgresPort() > 0 ? " on port " + options.postgresPort() + " (is it in use?)" : "")
					+ ": " + ex.getMessage(), ex);
		}
	}

	Postgres postgres() {
		return new Postgres("localhost", server.getPort(), "postgres", "");
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

	@Override
	public String toString() {
		return "PostgreSQL at port " + server.getPort();
	}
}
