package org.netsecweek.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * promtool (Debian's prometheus package) on the committed Prometheus files: the configuration with the rule files it
 * names, the rules, and the rules' unit tests (deploy/prometheus/alerts.test.yml).
 */
class PrometheusRulesTests {

	private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	@BeforeAll
	static void promtoolIsInstalled() {
		assumeTrue(Files.isExecutable(PROMTOOL),
				"Debian's prometheus package is not installed (.ci/run installs it): skipping the promtool checks");
	}

	@Test
	void configurationAndTheRulesItNamesAreValid() {
		Repository.Run check = promtool("check", "config", "deploy/prometheus/prometheus.yml");
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("SUCCESS: 1 rule files found");
	}

	@Test
	void alertRulesAreValid() {
		Repository.Run check = promtool("check", "rules", "deploy/prometheus/alerts.yml");
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	@Test
	void alertsFireWhenTheirUnitTestsSayAndNotBefore() {
		Repository.Run test = promtool("test", "rules", "deploy/prometheus/alerts.test.yml");
		assertThat(test.exitCode()).as(test.output()).isZero();
		assertThat(test.output()).contains("SUCCESS");
	}

	@Test
	void everyAlertTheIssueAsksForIsThereAndUnitTested() {
		String rules = Repository.read("deploy/prometheus/alerts.yml");
		String tests = Repository.read("deploy/prometheus/alerts.test.yml");
		for (String alert : List.of("ServiceDown", "ConsumerLagGrowing", "OutboxStuck", "DeadLettersWaiting",
				"HighErrorRate", "PrizesRunningOutEarly")) {
			assertThat(rules).as("alerts.yml").contains("alert: " + alert);
			assertThat(tests).as("alerts.test.yml").contains("alertname: " + alert);
		}
	}

	@Test
	void scrapesEveryServiceUnderItsOwnName() {
		Map<String, Object> config = Repository.yaml("deploy/prometheus/prometheus.yml");
		List<Map<String, Object>> jobs = Repository.at(config, "scrape_configs");
		assertThat(jobs).extracting(job -> job.get("job_name")).containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
		assertThat(jobs).allSatisfy(job -> assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus"));
	}

	private static Repository.Run promtool(String... arguments) {
		String[] command = new String[arguments.length + 1];
		command[0] = PROMTOOL.toString();
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		return Repository.run(Map.of(), command);
	}
}
