package org.netsecweek.launcher;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.netsecweek.infra.Infrastructure;
import org.netsecweek.infra.InfrastructureInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The four services running in this JVM against one infrastructure. Closing it stops them in reverse order. */
public final class Suite implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Suite.class);

	private final Map<Service, ConfigurableApplicationContext> running = new EnumMap<>(Service.class);

	private Suite() {
	}

	/**
	 * Starts every service.
	 *
	 * @param ports the port of each service; 0 for any free one
	 * @param databasePrefix prefix of each service's database name (empty for the plain names)
	 * @param topicPrefix prefix of every topic (empty in a local run)
	 * @param extra more properties for all services (key directory, admin accounts, ...)
	 */
	public static Suite start(Infrastructure infrastructure, Map<Service, Integer> ports, String databasePrefix,
			String topicPrefix, Map<String, Object> extra) {
		Suite suite = new Suite();
		try {
			for (Service service : Service.values()) {
				Map<String, Object> properties = new HashMap<>(InfrastructureInitializer.properties(infrastructure,
						databasePrefix + service.database(), topicPrefix));
				properties.putAll(extra);
				properties.put("server.port", ports.getOrDefault(service, 0));
				long started = System.nanoTime();
				ConfigurableApplicationContext context = service.application()
					.initializers(ctx -> ctx.getEnvironment()
						.getPropertySources()
						.addFirst(new MapPropertySource("suite", properties)))
					.registerShutdownHook(false)
					.run();
				suite.running.put(service, context);
				log.info("{} started on port {} in {} ms", service.serviceName(), suite.port(service),
						(System.nanoTime() - started) / 1_000_000);
			}
			return suite;
		}
		catch (RuntimeException ex) {
			suite.close();
			throw ex;
		}
	}

	/**
	 * The staff console's addresses (ADR 008) when the services listen on these ports of this machine: reporting's
	 * origin may call the other services, and the console finds them at these addresses.
	 */
	public static Map<String, Object> consoleProperties(Map<Service, Integer> ports) {
		Function<Service, String> address = service -> "http://localhost:" + ports.get(service);
		return Map.of("netsec.security.console-origins", address.apply(Service.REPORTING),
				"netsec.console.quiz-url", address.apply(Service.QUIZ),
				"netsec.console.scoring-url", address.apply(Service.SCORING),
				"netsec.console.lottery-url", address.apply(Service.LOTTERY));
	}

	public int port(Service service) {
		return Integer.parseInt(context(service).getEnvironment().getProperty("local.server.port", "0"));
	}

	public ConfigurableApplicationContext context(Service service) {
		ConfigurableApplicationContext context = running.get(service);
		if (context == null) {
			throw new IllegalStateException(service.serviceName() + " is not running");
		}
		return context;
	}

	@Override
	public void close() {
		List<Service> order = new ArrayList<>(running.keySet());
		java.util.Collections.reverse(order);
		for (Service service : order) {
			try {
				running.remove(service).close();
			}
			catch (RuntimeException ex) {
				log.warn("{} did not stop cleanly: {}", service.serviceName(), ex.toString());
			}
		}
	}
}
