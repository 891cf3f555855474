package org.netsecweek.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The provisioned dashboards are well formed, read the provisioned datasource, cover what issue 7 asks of each, and
 * deploy/grafana/README.md describes every panel. (Whether each query runs and names metrics that exist is checked
 * against the running suite by PrometheusScrapeIntegrationTests in deploy/launcher.)
 */
class GrafanaDashboardsTests {

	private static final ObjectMapper mapper = new ObjectMapper();

	@Test
	void campaignDashboardShowsProgressAgainstTargetsAttemptsPointsDrawsAndPrizes() throws IOException {
		JsonNode dashboard = dashboard("campaign.json");
		assertThat(dashboard.path("title").asText()).isEqualTo("Campaign");
		assertThat(expressions(dashboard)).contains("participation_workers_covered", "campaign_target_workers",
				"quiz_attempts_total", "points_booked_total", "draws_completed_total", "prizes_left");
	}

	@Test
	void servicesDashboardShowsRedLagOutboxDeadLettersBreakersPoolAndJvm() throws IOException {
		JsonNode dashboard = dashboard("services.json");
		assertThat(dashboard.path("title").asText()).isEqualTo("Services");
		assertThat(expressions(dashboard)).contains("http_server_requests_seconds_count",
				"http_server_requests_seconds_bucket", "status=~\"5..\"", "spring_cloud_stream_binder_kafka_offset",
				"outbox_lag_seconds", "outbox_failures_total", "deadletters_sent_total",
				"resilience4j_circuitbreaker_state", "r2dbc_pool_acquired_connections", "jvm_memory_used_bytes",
				"jvm_gc_pause_seconds");
	}

	@Test
	void everyPanelReadsTheProvisionedDatasourceAndHasAUniqueIdAndAQuery() throws IOException {
		String datasourceUid = Repository.<List<Map<String, Object>>>at(
				Repository.yaml("deploy/grafana/provisioning/datasources/prometheus.yml"), "datasources").get(0)
			.get("uid").toString();
		Set<String> uids = new HashSet<>();
		for (String file : List.of("campaign.json", "services.json")) {
			JsonNode dashboard = dashboard(file);
			assertThat(uids.add(dashboard.path("uid").asText())).as("dashboard uid unique").isTrue();
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : panels(dashboard)) {
				assertThat(ids.add(panel.path("id").asInt())).as(file + " panel id " + panel.path("id")).isTrue();
				assertThat(panel.path("gridPos").path("x").asInt() + panel.path("gridPos").path("w").asInt())
					.as(panel.path("title").asText()).isLessThanOrEqualTo(24);
				if (panel.path("type").asText().equals("row")) {
					continue;
				}
				assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
					.isEqualTo(datasourceUid);
				assertThat(panel.path("description").asText()).as(panel.path("title") + " description").isNotBlank();
				assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty()
					.allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
			}
		}
	}

	@Test
	void theReadmeDescribesEveryPanel() throws IOException {
		String readme = Repository.read("deploy/grafana/README.md");
		for (String file : List.of("campaign.json", "services.json")) {
			for (JsonNode panel : panels(dashboard(file))) {
				assertThat(readme).as("deploy/grafana/README.md").contains(panel.path("title").asText());
			}
		}
	}

	private static JsonNode dashboard(String file) throws IOException {
		return mapper.readTree(Repository.file("deploy/grafana/dashboards/" + file).toFile());
	}

	private static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		}
		return panels;
	}

	private static String expressions(JsonNode dashboard) {
		StringBuilder all = new StringBuilder();
		panels(dashboard).forEach(panel -> panel.path("targets").forEach(t -> all.append(t.path("expr").asText()).append('\n')));
		return all.toString();
	}
}
