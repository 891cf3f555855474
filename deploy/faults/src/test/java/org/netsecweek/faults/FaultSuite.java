package org.netsecweek.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.netsecweek.infra.InfrastructureInitializer;
import org.netsecweek.infra.RestartablePostgres;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Everything the fault scenarios break, each its own process: PostgreSQL (the zonky binaries, restartable on the same
 * port and data), a Kafka broker (a child JVM, restartable on the same port and log directory) and the four services
 * (child JVMs from their exec jars, killable with SIGKILL and started again on the same port).
 */
final class FaultSuite implements AutoCloseable {

	static final String TOPIC_PREFIX = "faults-";

	private static final String ADMIN = "faults";

	final RestartablePostgres postgres;

	final KafkaBroker kafka;

	final Path home;

	private final String adminPassword = "faults-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

	private final Map<Service, ChildProcess> services = new EnumMap<>(Service.class);

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	private FaultSuite(RestartablePostgres postgres, KafkaBroker kafka, Path home) {
		this.postgres = postgres;
		this.kafka = kafka;
		this.home = home;
	}

	static FaultSuite start() {
		Path home = home();
		RestartablePostgres postgres = RestartablePostgres.start();
		KafkaBroker kafka;
		try {
			kafka = KafkaBroker.start(home.resolve("kafka"), 2);
		}
		catch (RuntimeException ex) {
			postgres.close();
			throw ex;
		}
		FaultSuite suite = new FaultSuite(postgres, kafka, home);
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "faults-postgres-stop"));
		try {
			String hash = new BCryptPasswordEncoder().encode(suite.adminPassword);
			for (Service service : Service.values()) {
				int port = ChildProcess.freePort();
				suite.ports.put(service, port);
				suite.services.put(service, new ChildProcess(service.serviceName(),
						command(service, port, suite.properties(service, port, hash)),
						home.resolve(service.serviceName() + ".log")));
			}
			// quiz first: it makes the signing and personal-data keys the others then read
			suite.startService(Service.QUIZ);
			List<Service> rest = List.of(Service.SCORING, Service.LOTTERY, Service.REPORTING);
			rest.forEach(service -> suite.services.get(service).start());
			rest.forEach(service -> suite.awaitReady(service, Duration.ofMinutes(3)));
			return suite;
		}
		catch (RuntimeException ex) {
			suite.close();
			throw ex;
		}
	}

	int port(Service service) {
		return ports.get(service);
	}

	/** Starts the service (again) and waits until it is ready to serve. */
	void startService(Service service) {
		services.get(service).start();
		awaitReady(service, Duration.ofMinutes(3));
	}

	/** Kills the service's process with SIGKILL. */
	void kill(Service service) {
		services.get(service).kill();
	}

	void awaitReady(Service service, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (Http.call(port(service), "GET", "/actuator/health/readiness", null, null).status() != 200) {
			if (!services.get(service).alive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(service + " did not become ready; see " + services.get(service).log());
			}
			pause(Duration.ofMillis(250));
		}
	}

	/** A province admin's token, signed by reporting-service (every service checks it against the same key). */
	String adminToken() {
		return Http.expect(port(Service.REPORTING), "POST", "/api/sessions", null,
				Map.of("username", ADMIN, "password", adminPassword)).get("token").asString();
	}

	Connection db(Service service) throws SQLException {
		return DriverManager.getConnection(postgres.postgres().jdbcUrl(service.database()), postgres.postgres().username(),
				postgres.postgres().password());
	}

	private Map<String, Object> properties(Service service, int port, String adminHash) {
		Map<String, Object> properties = new TreeMap<>(InfrastructureInitializer.properties(kafka.bootstrapServers(),
				postgres.postgres(), service.database(), TOPIC_PREFIX));
		properties.put("server.port", port);
		properties.put("spring.r2dbc.pool.max-size", 10);
		// simulated workers poll faster than phones and answer in milliseconds
		properties.put("netsec.quiz.limits.worker-requests", 1_000_000);
		properties.put("netsec.quiz.limits.anonymous-requests", 1_000_000);
		properties.put("netsec.scoring.review.min-time-per-question", "0s");
		properties.put("netsec.scoring.review.hold-fast-papers", false);
		properties.put("netsec.admin.accounts[0].username", ADMIN);
		properties.put("netsec.admin.accounts[0].password-hash", adminHash);
		properties.put("netsec.admin.accounts[0].role", "PROVINCE_ADMIN");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.org.netsecweek", "INFO");
		return properties;
	}

	private static List<String> command(Service service, int port, Map<String, Object> properties) {
		List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx384m", "-Xss512k", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-jar", service.jar().toString()));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		return command;
	}

	private static Path home() {
		try {
			return Files.createDirectories(Path.of("target", "faults",
					LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void pause(Duration duration) {
		java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
	}

	@Override
	public void close() {
		List<Service> order = new ArrayList<>(services.keySet());
		java.util.Collections.reverse(order);
		order.forEach(service -> services.get(service).stop());
		kafka.close();
		postgres.close();
	}
}
