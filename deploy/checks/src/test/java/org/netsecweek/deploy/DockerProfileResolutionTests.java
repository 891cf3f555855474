package org.netsecweek.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * Each service's configuration as it starts in the compose stack: the environment docker-compose.yml gives its
 * container, over {@code <service>-docker.yml}, over {@code <service>.yml}, over the platform defaults, resolved the
 * way Spring resolves them. Every address points into the stack, the logs are JSON, no demo key is generated.
 */
class DockerProfileResolutionTests {

	/** ${VAR:-default} or ${VAR:?message} in the compose file. */
	private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::-([^}]*)|:\\?[^}]*)?}");

	/** What whoever starts the stack exports (dummies). */
	private static final Map<String, String> EXPORTED = Map.of("NETSEC_DB_PASSWORD", "from-the-environment",
			"GRAFANA_ADMIN_PASSWORD", "check-only", "NETSEC_ADMIN_PASSWORD_HASH", "$2a$10$hash.from.the.environment");

	static final List<String> services = Repository.SERVICES;

	@ParameterizedTest
	@FieldSource("services")
	void everyAddressPointsIntoTheStackAndTheLogsAreJson(String service) throws IOException {
		StandardEnvironment environment = environment(service);
		String database = Repository.<Map<String, Object>>at(Repository.yaml("docker-compose.yml"), "services", service,
				"environment").get("NETSEC_DB_NAME").toString();
		// with the connect and statement timeouts every service keeps (platform defaults; reporting's is longer)
		assertThat(environment.getProperty("spring.r2dbc.url"))
			.matches("r2dbc:postgresql://postgres:5432/" + database + "\\?connectTimeout=PT3S&statementTimeout=PT\\d+[SM]");
		assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
		assertThat(environment.getProperty("spring.r2dbc.password")).isEqualTo("from-the-environment");
		assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
		assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo("kafka:9092");
		assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.min-partition-count")).isEqualTo("6");
		assertThat(environment.getProperty("spring.application.name")).isEqualTo(service);
		assertThat(environment.getProperty("server.port")).isEqualTo(
				Repository.<Map<String, Object>>at(Repository.yaml("docker-compose.yml"), "services", service,
						"environment").get("PORT").toString());
		assertThat(environment.getProperty("netsec.security.key-directory")).isEqualTo("/run/secrets/netsec-keys");
		assertThat(environment.getProperty("netsec.security.generate-key-if-missing")).isEqualTo("false");
		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
	}

	@ParameterizedTest
	@FieldSource("services")
	void everyPlaceholderResolves(String service) throws IOException {
		StandardEnvironment environment = environment(service);
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof MapPropertySource map && !source.getName().equals("compose")) {
				for (String name : map.getPropertyNames()) {
					// throws on a ${VAR} with no value and no default
					environment.getRequiredProperty(name);
				}
			}
		}
	}

	@ParameterizedTest
	@FieldSource("services")
	void quizShowsNoDemoCodeAndReportingHasItsAdminFromTheEnvironment(String service) throws IOException {
		StandardEnvironment environment = environment(service);
		if (service.equals("quiz-service")) {
			assertThat(environment.getProperty("netsec.quiz.sign-in.phone.demo-codes")).isEqualTo("false");
		}
		if (service.equals("reporting-service")) {
			assertThat(environment.getProperty("netsec.admin.accounts[0].password-hash"))
				.isEqualTo("$2a$10$hash.from.the.environment");
			assertThat(environment.getProperty("netsec.admin.accounts[0].role")).isEqualTo("PROVINCE_ADMIN");
		}
	}

	private static StandardEnvironment environment(String service) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addLast(new MapPropertySource("compose", composeEnvironment(service)));
		YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
		for (String file : List.of(service + "/src/main/resources/" + service + "-docker.yml",
				service + "/src/main/resources/" + service + ".yml",
				"platform/src/main/resources/netsec-platform-defaults.yml")) {
			for (PropertySource<?> source : yaml.load(file, new FileSystemResource(Repository.file(file)))) {
				environment.getPropertySources().addLast(source);
			}
		}
		return environment;
	}

	/** The container's environment with compose's own ${...} replaced as docker-compose would. */
	private static Map<String, Object> composeEnvironment(String service) {
		Map<String, Object> container = Repository.at(Repository.yaml("docker-compose.yml"), "services", service,
				"environment");
		Map<String, Object> resolved = new HashMap<>();
		container.forEach((name, value) -> {
			Matcher variable = COMPOSE_VARIABLE.matcher(value.toString());
			StringBuilder result = new StringBuilder();
			while (variable.find()) {
				String exported = EXPORTED.get(variable.group(1));
				String replacement = exported != null ? exported : variable.group(2);
				assertThat(replacement).as(name + ": " + variable.group()).isNotNull();
				variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
			}
			variable.appendTail(result);
			resolved.put(name, result.toString());
		});
		return resolved;
	}
}
