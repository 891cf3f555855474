package org.netsecweek.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker and PostgreSQL server of this JVM, chosen once and shared by every test class (or by the
 * launcher's four services).
 * <p>
 * Which ones, in order of preference:
 * <ol>
 * <li>external ones named by {@code NETSEC_KAFKA_BOOTSTRAP_SERVERS} and {@code NETSEC_POSTGRES_HOST} (with
 * {@code NETSEC_POSTGRES_PORT}, {@code NETSEC_POSTGRES_USER}, {@code NETSEC_POSTGRES_PASSWORD});</li>
 * <li>Testcontainers, when a Docker engine answers and {@code NETSEC_INFRA} is not {@code embedded};</li>
 * <li>in-JVM: Kafka's own KRaft broker and a PostgreSQL server from the zonky binaries.</li>
 * </ol>
 */
public final class Infrastructure {

	private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

	private static volatile Infrastructure shared;

	private final String kafkaBootstrapServers;

	private final Postgres postgres;

	private final List<AutoCloseable> started;

	private Infrastructure(String kafkaBootstrapServers, Postgres postgres, List<AutoCloseable> started) {
		this.kafkaBootstrapServers = kafkaBootstrapServers;
		this.postgres = postgres;
		this.started = started;
	}

	/** The infrastructure of this JVM, started on first use with test defaults (random ports, throwaway data). */
	public static Infrastructure shared() {
		return shared(InfrastructureOptions.forTests());
	}

	/** The infrastructure of this JVM; options count only for the first call. */
	public static synchronized Infrastructure shared(InfrastructureOptions options) {
		if (shared == null) {
			shared = start(options, System.getenv());
		}
		return shared;
	}

	public String kafkaBootstrapServers() {
		return kafkaBootstrapServers;
	}

	public Postgres postgres() {
		return postgres;
	}

	/**
	 * Stops what this JVM started (PostgreSQL first, then Kafka), leaving external servers alone. With
	 * {@link InfrastructureOptions#stopAtExit()} this happens by itself when the JVM exits; the launcher calls it
	 * after its services stopped, so they never see their database or broker go away first.
	 */
	public void stop() {
		for (AutoCloseable server : started) {
			try {
				server.close();
			}
			catch (Exception ex) {
				log.warn("Could not stop {}: {}", server, ex.toString());
			}
		}
	}

	static Infrastructure start(InfrastructureOptions options, Map<String, String> env) {
		String kafka = env.get("NETSEC_KAFKA_BOOTSTRAP_SERVERS");
		String postgresHost = env.get("NETSEC_POSTGRES_HOST");
		boolean docker = !"embedded".equals(env.get("NETSEC_INFRA")) && Containers.dockerAnswers();
		List<AutoCloseable> started = new ArrayList<>();
		Postgres postgres;
		if (postgresHost != null) {
			postgres = new Postgres(postgresHost, Integer.parseInt(env.getOrDefault("NETSEC_POSTGRES_PORT", "5432")),
					env.getOrDefault("NETSEC_POSTGRES_USER", "postgres"),
					Objects.requireNonNullElse(env.get("NETSEC_POSTGRES_PASSWORD"), ""));
		}
		else if (docker) {
			postgres = Containers.startPostgres();
		}
		else {
			InJvmPostgres server = InJvmPostgres.start(options);
			started.add(server);
			postgres = server.postgres();
		}
		if (kafka == null && docker) {
			kafka = Containers.startKafka();
		}
		else if (kafka == null) {
			InJvmKafka broker = InJvmKafka.start(options);
			started.add(broker);
			kafka = broker.bootstrapServers();
		}
		log.info("Infrastructure ready: Kafka at {}, PostgreSQL at {}:{}", kafka, postgres.host(), postgres.port());
		Infrastructure infrastructure = new Infrastructure(kafka, postgres, started);
		if (options.stopAtExit()) {
			Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "infrastructure-stop"));
		}
		return infrastructure;
	}
}
