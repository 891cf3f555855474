package org.netsecweek.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka and PostgreSQL in Docker containers, used only where a Docker engine answers. */
final class Containers {

	private Containers() {
	}

	static boolean dockerAnswers() {
		if (System.getenv("DOCKER_HOST") == null && !new java.io.File("/var/run/docker.sock").exists()) {
			return false; // no engine to ask; spares the log Testcontainers' own failed search
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
	static String startKafka() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
		kafka.start();
		return kafka.getBootstrapServers();
	}

	@SuppressWarnings("resource")
	static Postgres startPostgres() {
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
		postgres.start();
		return new Postgres(postgres.getHost(), postgres.getFirstMappedPort(), postgres.getUsername(),
				postgres.getPassword());
	}
}
