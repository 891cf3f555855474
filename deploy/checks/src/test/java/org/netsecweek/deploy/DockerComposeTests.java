package org.netsecweek.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as docker-compose 1.29 (Debian's) reads it, and in agreement with each service's docker
 * profile ({@code <service>-docker.yml}): the same ports, every address and secret the profile needs passed by
 * environment, nothing secret written into the file.
 */
class DockerComposeTests {

	private static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");

	/** What the stack needs from whoever starts it; dummy values for the check. */
	private static final Map<String, String> SECRETS = Map.of("NETSEC_DB_PASSWORD", "check-only",
			"GRAFANA_ADMIN_PASSWORD", "check-only", "NETSEC_ADMIN_PASSWORD_HASH", "$2a$10$check.only");

	/** ${NAME} or ${NAME:default} in Spring configuration. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	static final List<String> services = Repository.SERVICES;

	private final Map<String, Object> compose = Repository.yaml("docker-compose.yml");

	@Test
	void dockerComposeAcceptsTheFile() {
		assumeTrue(Files.isExecutable(DOCKER_COMPOSE),
				"Debian's docker-compose is not installed (.ci/run installs it): skipping docker-compose config");
		Repository.Run config = Repository.run(SECRETS, DOCKER_COMPOSE.toString(), "-f", "docker-compose.yml", "config");
		assertThat(config.exitCode()).as(config.output()).isZero();
		Map<String, Object> resolved = Repository.yamlText(config.output());
		assertThat(Repository.<Map<String, Object>>at(resolved, "services")).containsOnlyKeys("kafka", "postgres",
				"quiz-service", "scoring-service", "lottery-service", "reporting-service", "prometheus", "grafana");
	}

	@Test
	void dockerComposeRefusesToStartWithoutTheSecrets() {
		assumeTrue(Files.isExecutable(DOCKER_COMPOSE),
				"Debian's docker-compose is not installed (.ci/run installs it): skipping docker-compose config");
		Repository.Run config = Repository.run(Map.of("NETSEC_DB_PASSWORD", ""), DOCKER_COMPOSE.toString(), "-f",
				"docker-compose.yml", "config");
		assertThat(config.exitCode()).isNotZero();
		assertThat(config.output()).contains("NETSEC_DB_PASSWORD");
	}

	@Test
	void everythingHasAHealthcheckAndServicesWaitForHealthyKafkaAndPostgres() {
		Map<String, Map<String, Object>> all = Repository.at(compose, "services");
		all.forEach((name, service) -> assertThat(Repository.<Object>at(service, "healthcheck", "test"))
			.as(name + " healthcheck").isNotNull());
		for (String name : services) {
			assertThat(Repository.<Map<String, Object>>at(all.get(name), "depends_on")).as(name)
				.containsEntry("kafka", Map.of("condition", "service_healthy"))
				.containsEntry("postgres", Map.of("condition", "service_healthy"));
		}
		assertThat(Repository.<Map<String, Object>>at(all.get("grafana"), "depends_on"))
			.containsEntry("prometheus", Map.of("condition", "service_healthy"));
	}

	@Test
	void kafkaRunsInKraftModeFromTheOfficialImageAndPostgresIs17() {
		Map<String, Object> kafka = Repository.at(compose, "services", "kafka");
		assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
		assertThat(Repository.<String>at(kafka, "environment", "KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
		assertThat(Repository.<String>at(compose, "services", "postgres", "image")).isEqualTo("postgres:17");
	}

	@ParameterizedTest
	@FieldSource("services")
	void serviceRunsItsDockerProfileOnThePortTheProfileNames(String service) {
		Map<String, Object> container = Repository.at(compose, "services", service);
		Map<String, Object> environment = Repository.at(container, "environment");
		assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "docker");
		String profile = Repository.read(service + "/src/main/resources/" + service + "-docker.yml");
		String port = Repository.<Object>at(Repository.yamlText(profile), "server", "port").toString();
		Matcher defaultPort = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(port);
		assertThat(defaultPort.matches()).as(service + "-docker.yml server.port").isTrue();
		assertThat(environment).containsEntry("PORT", defaultPort.group(1));
		assertThat(Repository.<List<String>>at(container, "ports")).containsExactly(port(defaultPort) + ":" + port(defaultPort));
		assertThat(Repository.<List<String>>at(container, "healthcheck", "test"))
			.contains("http://localhost:" + port(defaultPort) + "/actuator/health/readiness");
		assertThat(Repository.<String>at(container, "build", "dockerfile")).isEqualTo("deploy/docker/Dockerfile");
		assertThat(Repository.<Map<String, Object>>at(container, "build", "args")).containsEntry("SERVICE", service);
	}

	@ParameterizedTest
	@FieldSource("services")
	void composePassesEveryVariableTheDockerProfileNeedsAndNoUnknownOnes(String service) {
		Map<String, Object> environment = Repository.at(compose, "services", service, "environment");
		String profile = Repository.read(service + "/src/main/resources/" + service + "-docker.yml");
		Set<String> required = new TreeSet<>();
		Set<String> known = new HashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(profile);
		while (matcher.find()) {
			known.add(matcher.group(1));
			if (matcher.group(2) == null) {
				required.add(matcher.group(1));
			}
		}
		assertThat(required).as("variables " + service + "-docker.yml has no default for")
			.contains("NETSEC_KAFKA_BOOTSTRAP_SERVERS", "NETSEC_DB_HOST", "NETSEC_DB_USER", "NETSEC_DB_PASSWORD");
		assertThat(environment).as("compose environment of " + service).containsKeys(required.toArray(String[]::new));
		// every NETSEC_ variable compose sets is read by the docker profile, the service's own file or the platform's
		String everyConfig = profile + Repository.read(service + "/src/main/resources/" + service + ".yml")
				+ Repository.read("platform/src/main/resources/netsec-platform-defaults.yml");
		environment.keySet().stream().filter(name -> name.startsWith("NETSEC_")).forEach(name -> assertThat(everyConfig)
			.as(name + " is read by " + service + "'s configuration").contains("${" + name));
		assertThat(environment.get("NETSEC_DB_NAME")).as("database")
			.isEqualTo(Repository.<Object>at(Repository.yamlText(profile), "netsec", "db", "name").toString()
				.replaceAll("\\$\\{NETSEC_DB_NAME:(\\w+)}", "$1"));
		assertThat(environment.get("NETSEC_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
		assertThat(environment.get("NETSEC_DB_HOST")).isEqualTo("postgres");
	}

	@Test
	void noSecretIsWrittenIntoTheFile() {
		String raw = Repository.read("docker-compose.yml");
		Matcher secret = Pattern.compile("(?m)^\\s*([A-Z_]*(PASSWORD|SECRET|HASH)[A-Z_]*):\\s*(.*)$").matcher(raw);
		int found = 0;
		while (secret.find()) {
			found++;
			// required from the environment: ${NAME:?message}, so compose refuses to start without it
			assertThat(secret.group(3)).as(secret.group(1)).matches("\\$\\{[A-Z_]+:\\?.+}");
		}
		assertThat(found).isGreaterThanOrEqualTo(3);
		assertThat(raw).contains(":/run/secrets/netsec-keys:ro");
	}

	@Test
	void prometheusAndGrafanaAreProvisionedFromDeploy() {
		assertThat(Repository.<List<String>>at(compose, "services", "prometheus", "volumes"))
			.contains("./deploy/prometheus:/etc/prometheus:ro");
		assertThat(Repository.<List<String>>at(compose, "services", "grafana", "volumes")).contains(
				"./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
				"./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
		assertThat(Repository.read("deploy/grafana/provisioning/dashboards/netsec-week.yml"))
			.contains("path: /var/lib/grafana/dashboards");
		assertThat(Repository.read("deploy/grafana/provisioning/datasources/prometheus.yml"))
			.contains("url: http://prometheus:9090");
	}

	private static String port(Matcher defaultPort) {
		return defaultPort.group(1);
	}
}
