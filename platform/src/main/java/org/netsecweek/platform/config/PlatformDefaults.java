package org.netsecweek.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code netsec-platform-defaults.yml} as the lowest-priority property source of every service: database and
 * broker wiring, retries and dead letters, actuator exposure. A service's own {@code application.yml} (or its
 * environment) overrides any of it, so each service's file holds only what is its own.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	static final String FILE = "netsec-platform-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(FILE, new ClassPathResource(FILE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + FILE, ex);
		}
	}
}
