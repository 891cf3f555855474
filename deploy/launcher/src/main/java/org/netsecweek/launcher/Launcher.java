package org.netsecweek.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.netsecweek.infra.Infrastructure;
import org.netsecweek.infra.InfrastructureOptions;
import org.netsecweek.platform.campaign.Campaigns;
import sun.misc.Signal;

/**
 * The local run: a real Kafka broker (KRaft) and PostgreSQL started in this JVM (or the ones named by
 * {@code NETSEC_KAFKA_BOOTSTRAP_SERVERS} and {@code NETSEC_POSTGRES_HOST}), then the four services, each on its
 * own port. Prints the addresses when everything is ready; Ctrl-C stops the services, then the servers.
 */
public final class Launcher {

	private Launcher() {
	}

	public static void main(String[] args) throws InterruptedException {
		long started = System.nanoTime();
		// one JVM, one logging system: the logger names tell the services apart, an application name would not
		System.setProperty("logging.include-application-name", "false");
		Path home = Path.of(env("NETSEC_HOME", ".local")).toAbsolutePath();
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			ports.put(service, Integer.parseInt(env(variable(service), String.valueOf(service.defaultPort()))));
		}
		int postgresPort = Integer.parseInt(env("NETSEC_POSTGRES_PORT", "5433"));
		Infrastructure infrastructure;
		Suite suite;
		try {
			ports.forEach((service, port) -> Preflight.portFree(port, service.serviceName(), variable(service)));
			if (System.getenv("NETSEC_KAFKA_BOOTSTRAP_SERVERS") != null) {
				Preflight.kafkaAnswers(System.getenv("NETSEC_KAFKA_BOOTSTRAP_SERVERS"));
			}
			if (System.getenv("NETSEC_POSTGRES_HOST") == null) {
				Preflight.portFree(postgresPort, "PostgreSQL", "NETSEC_POSTGRES_PORT");
			}
			else {
				Preflight.postgresAnswers("jdbc:postgresql://" + System.getenv("NETSEC_POSTGRES_HOST") + ":"
						+ postgresPort + "/postgres", env("NETSEC_POSTGRES_USER", "postgres"),
						env("NETSEC_POSTGRES_PASSWORD", ""));
			}
			infrastructure = Infrastructure.shared(
					new InfrastructureOptions(4, postgresPort, home.resolve("postgres"), false));
			DemoAdmins admins = DemoAdmins.load(home);
			Map<String, Object> extra = new HashMap<>(admins.properties());
			extra.put("netsec.security.key-directory", home.resolve("keys").toString());
			extra.put("netsec.security.generate-key-if-missing", true);
			extra.putAll(Suite.consoleProperties(ports));
			suite = startOrStop(infrastructure, ports, extra);
			Stop stop = new Stop(suite, infrastructure);
			// Ctrl-C and SIGTERM stop everything in order before the JVM's exit hooks run (Kafka's test kit has a
			// hook of its own that deletes the broker's files); the hook remains for any other way out
			Signal.handle(new Signal("INT"), signal -> stop.andExit());
			Signal.handle(new Signal("TERM"), signal -> stop.andExit());
			Runtime.getRuntime().addShutdownHook(new Thread(stop::run, "suite-stop"));
			System.out.println(Banner.text(suite, infrastructure, home, admins.password(),
					suite.context(Service.QUIZ).getBean(Campaigns.class).active(),
					(System.nanoTime() - started) / 1_000_000));
			stop.await();
		}
		catch (LaunchProblem problem) {
			System.err.println("netsec-week could not start: " + problem.getMessage());
			System.exit(1);
		}
	}

	private static Suite startOrStop(Infrastructure infrastructure, Map<Service, Integer> ports,
			Map<String, Object> extra) {
		try {
			return Suite.start(infrastructure, ports, "", "", extra);
		}
		catch (RuntimeException ex) {
			infrastructure.stop();
			throw new LaunchProblem("a service failed to start: " + rootMessage(ex), ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	static String variable(Service service) {
		return service.name() + "_PORT";
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
