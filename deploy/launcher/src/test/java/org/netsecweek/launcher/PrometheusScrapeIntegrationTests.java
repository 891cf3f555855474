package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The real Prometheus (Debian's package) scrapes the four services started in this JVM with the committed scrape
 * configuration and alert rules (only the targets swapped for this run's ports); through its HTTP API every target
 * is up, and every query of the Grafana dashboards and the alert rules is valid and reads metrics that exist.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE - 1)
class PrometheusScrapeIntegrationTests {

	private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

	/**
	 * Metrics a dashboard already reads but no service exports yet, each listed in deploy/README.md for its owner:
	 * resilience4j registers its breaker gauges only once a circuit breaker exists (issue 7's resilience part).
	 * Their queries must still be valid; the name alone may be missing.
	 */
	private static final Set<String> AWAITED = Set.of("resilience4j_circuitbreaker_state");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static Process prometheus;

	private static String api;

	@BeforeAll
	static void scrapeTheSuite() throws Exception {
		assumeTrue(Files.isExecutable(PROMETHEUS),
				"Debian's prometheus package is not installed (.ci/run installs it): skipping the scrape check");
		Suite suite = RunningSuite.suite();
		WorkerJourney.once(suite);
		Path work = Files.createDirectories(Path.of("target/prometheus").toAbsolutePath());
		Path config = work.resolve("prometheus.yml");
		Files.writeString(config, localConfig(suite));
		for (Service service : Service.values()) {
			// what each service exposes, for whoever reads the test's results
			Files.writeString(work.resolve(service.serviceName() + ".txt"), http.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + suite.port(service) + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString()).body());
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		api = "http://127.0.0.1:" + port;
		Path data = Files.createTempDirectory(work, "tsdb");
		prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("prometheus.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> ready());
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> query("up").path("data").path("result").size() == Service.values().length);
	}

	@AfterAll
	static void stopPrometheus() throws InterruptedException {
		if (prometheus != null) {
			prometheus.destroy();
			prometheus.waitFor();
		}
	}

	@Test
	void everyServiceIsScrapedAndUp() throws Exception {
		Map<String, String> up = new TreeMap<>();
		for (JsonNode series : query("up").path("data").path("result")) {
			up.put(series.path("metric").path("job").asString(), series.path("value").get(1).asString());
		}
		Files.writeString(Path.of("target/prometheus/up.json"), query("up").toString());
		JsonNode targets = get("/api/v1/targets");
		Files.writeString(Path.of("target/prometheus/targets.json"), targets.toString());
		assertThat(up).as("scrape errors: " + targets.path("data").path("activeTargets").findValuesAsString("lastError")).containsExactlyInAnyOrderEntriesOf(Map.of("quiz-service", "1", "scoring-service", "1",
				"lottery-service", "1", "reporting-service", "1"));
	}

	@Test
	void everyDashboardAndAlertQueryIsValidAndReadsMetricsThatExist() throws Exception {
		Set<String> known = new TreeSet<>();
		get("/api/v1/label/__name__/values").path("data").forEach(name -> known.add(name.asString()));
		Files.write(Path.of("target/prometheus/metric-names.txt"), known);
		Map<String, String> queries = DeployQueries.all();
		assertThat(queries).as("queries in deploy/grafana/dashboards and deploy/prometheus/alerts.yml").hasSizeGreaterThan(20);
		List<String> problems = new ArrayList<>();
		StringBuilder results = new StringBuilder();
		queries.forEach((source, expr) -> {
			JsonNode answer = query(expr);
			if (!"success".equals(answer.path("status").asString())) {
				problems.add(source + ": " + answer.path("error").asString() + " in " + expr);
			}
			for (String name : DeployQueries.metricNames(expr)) {
				if (!known.contains(name) && !AWAITED.contains(name)) {
					problems.add(source + ": no metric named " + name + " in " + expr);
				}
			}
			results.append(source).append("\n  ").append(expr).append("\n  -> ")
				.append(answer.path("data").path("result")).append('\n');
		});
		Files.writeString(Path.of("target/prometheus/query-results.txt"), results);
		assertThat(problems).isEmpty();
	}

	/** The committed configuration with each job's target replaced by the port its service got in this JVM. */
	private static String localConfig(Suite suite) throws IOException {
		YAMLMapper yaml = YAMLMapper.builder().build();
		ObjectNode config = (ObjectNode) yaml.readTree(DeployQueries.DEPLOY.resolve("prometheus/prometheus.yml").toFile());
		((ObjectNode) config.path("global")).put("scrape_interval", "1s").put("evaluation_interval", "1s");
		ArrayNode rules = config.putArray("rule_files");
		rules.add(DeployQueries.DEPLOY.resolve("prometheus/alerts.yml").toString());
		for (JsonNode job : config.path("scrape_configs")) {
			Service service = service(job.path("job_name").asString());
			ArrayNode targets = ((ObjectNode) job.path("static_configs").get(0)).putArray("targets");
			targets.add("localhost:" + suite.port(service));
		}
		return yaml.writeValueAsString(config);
	}

	private static Service service(String job) {
		for (Service service : Service.values()) {
			if (service.serviceName().equals(job)) {
				return service;
			}
		}
		throw new AssertionError("deploy/prometheus/prometheus.yml has a job that is no service: " + job);
	}

	private static boolean ready() {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(api + "/-/ready")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static JsonNode query(String expr) {
		return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
	}

	private static JsonNode get(String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
