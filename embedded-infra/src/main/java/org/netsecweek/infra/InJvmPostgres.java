package org.netsecweek.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server started from the zonky binaries, stopped when this JVM exits. */
final class InJvmPostgres {

	private InJvmPostgres() {
	}

	static Postgres start(InfrastructureOptions options) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "on");
			if (options.postgresPort() > 0) {
				builder.setPort(options.postgresPort());
			}
			if (options.postgresDataDirectory() != null) {
				Files.createDirectories(options.postgresDataDirectory());
				builder.setDataDirectory(options.postgresDataDirectory()).setCleanDataDirectory(false);
			}
			EmbeddedPostgres server = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "postgres-stop"));
			return new Postgres("localhost", server.getPort(), "postgres", "");
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("The embedded PostgreSQL server did not start"
					+ (options.postgresPort() > 0 ? " on port " + options.postgresPort() + " (is it in use?)" : "")
					+ ": " + ex.getMessage(), ex);
		}
	}

	private static void close(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; nothing else to do
		}
	}
}
