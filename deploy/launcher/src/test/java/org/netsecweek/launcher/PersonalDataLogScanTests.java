package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After every other end-to-end test of this JVM (the browser journey, the walking skeleton, the Prometheus scrape),
 * the log they produced, as JSON lines (src/test/resources/logback-test.xml), holds no personal data: no mainland
 * mobile number and none of the names the tests registered.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE)
class PersonalDataLogScanTests {

	private static final Path LOG = Path.of("target/e2e-logs/suite.json.log");

	/** Names the end-to-end tests register (H5JourneyBrowserTests, SuiteIntegrationTests, WorkerJourney). */
	private static final List<String> NAMES = List.of("张三明", "李四", WorkerJourney.NAME);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theEndToEndRunsLogsHoldNoPhoneNumberAndNoName() throws Exception {
		WorkerJourney.once(RunningSuite.suite());
		List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
		assertThat(lines).as("lines logged by the end-to-end run").hasSizeGreaterThan(20);
		assertThat(String.join("\n", lines)).as("the log mentions the services' start")
			.contains("quiz-service started on port");
		List<String> leaks = new ArrayList<>();
		for (String line : lines) {
			if (PersonalDataEverywhereTests.MOBILE.matcher(line).find() || line.contains(WorkerJourney.PHONE)
					|| NAMES.stream().anyMatch(line::contains)) {
				leaks.add(line);
			}
		}
		assertThat(leaks).as("log lines with personal data").isEmpty();
	}

	@Test
	void aLineLoggedWithinARequestCarriesItsTraceAndSpanIds() throws Exception {
		WorkerJourney.once(RunningSuite.suite());
		List<JsonNode> deliveries = new ArrayList<>();
		for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
			JsonNode entry = json.readTree(line);
			if (entry.path("message").asString().startsWith("Delivery list of")) {
				deliveries.add(entry);
			}
		}
		assertThat(deliveries).as("quiz-service's line for the delivery list WorkerJourney read").isNotEmpty()
			.allSatisfy(entry -> {
				assertThat(entry.path("traceId").asString()).as(entry.toString()).matches("[0-9a-f]{16,32}");
				assertThat(entry.path("spanId").asString()).as(entry.toString()).matches("[0-9a-f]{16}");
			});
	}

	@Test
	void everyLineIsOneJsonObjectWithTimeLevelServiceAndMessage() throws Exception {
		List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
		assertThat(lines).isNotEmpty().allSatisfy(line -> {
			JsonNode entry = json.readTree(line);
			assertThat(entry.has("@timestamp")).as(line).isTrue();
			assertThat(entry.has("log")).as(line).isTrue();
			assertThat(entry.has("message")).as(line).isTrue();
		});
	}
}
