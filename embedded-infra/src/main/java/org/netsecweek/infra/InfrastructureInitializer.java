package org.netsecweek.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application context at this JVM's shared infrastructure, with a database and a topic prefix of
 * its own, so test classes never see each other's rows or events. Use with
 * {@code @ContextConfiguration(initializers = InfrastructureInitializer.class)} or a service's test annotation.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final AtomicInteger contexts = new AtomicInteger();

	private static final Path keyDirectory = temporaryKeyDirectory();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		int n = contexts.incrementAndGet();
		String database = "test_" + ProcessHandle.current().pid() + "_" + n;
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("netsec-test-infrastructure",
				properties(Infrastructure.shared(), database, "t" + n + "-")));
	}

	/**
	 * The properties that connect a service to the given infrastructure, creating its database on the way. The
	 * launcher uses the same properties.
	 */
	public static Map<String, Object> properties(Infrastructure infrastructure, String database, String topicPrefix) {
		return properties(infrastructure.kafkaBootstrapServers(), infrastructure.postgres(), database, topicPrefix);
	}

	/** The same, for a broker and a PostgreSQL server of the caller's choosing. */
	public static Map<String, Object> properties(String kafkaBootstrapServers, Postgres postgres, String database,
			String topicPrefix) {
		postgres.createDatabase(database);
		return Map.of("netsec.kafka.bootstrap-servers", kafkaBootstrapServers, "netsec.db.host",
				postgres.host(), "netsec.db.port", postgres.port(), "netsec.db.name", database, "netsec.db.username",
				postgres.username(), "netsec.db.password", postgres.password(), "netsec.events.topic-prefix",
				topicPrefix, "netsec.security.key-directory", keyDirectory.toString(),
				"netsec.security.generate-key-if-missing", true);
	}

	private static Path temporaryKeyDirectory() {
		try {
			Path directory = Files.createTempDirectory("netsec-test-keys");
			directory.toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
