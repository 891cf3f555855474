package org.netsecweek.launcher;

import java.nio.file.Path;

import org.netsecweek.infra.Infrastructure;
import org.netsecweek.platform.campaign.CampaignDefinition;

/** What the local run prints once everything is ready. */
final class Banner {

	private Banner() {
	}

	static String text(Suite suite, Infrastructure infrastructure, Path home, String adminPassword,
			CampaignDefinition campaign, long startMillis) {
		int quiz = suite.port(Service.QUIZ);
		int reporting = suite.port(Service.REPORTING);
		StringBuilder text = new StringBuilder();
		text.append("\n================================================================================\n");
		text.append(" netsec-week is running (started in ").append(startMillis).append(" ms)\n");
		text.append(" campaign ").append(campaign.id()).append(": ").append(campaign.startsOn()).append(" to ")
			.append(campaign.endsOn()).append(", ").append(campaign.name()).append('\n');
		text.append("--------------------------------------------------------------------------------\n");
		text.append(String.format(" %-22s %s%n", "H5 page (workers)", "http://localhost:" + quiz + "/"));
		for (Service service : Service.values()) {
			int port = suite.port(service);
			text.append(String.format(" %-22s http://localhost:%d/api  (OpenAPI: /v3/api-docs, metrics: "
					+ "/actuator/prometheus)%n", service.serviceName(), port));
		}
		text.append(String.format(" %-22s %s%n", "Kafka", infrastructure.kafkaBootstrapServers()));
		text.append(String.format(" %-22s %s%n", "PostgreSQL", infrastructure.postgres().jdbcUrl("<quiz|scoring|"
				+ "lottery|reporting>") + " (user " + infrastructure.postgres().username() + ")"));
		text.append(String.format(" %-22s users 'province' (all unions) and 'harbin' (哈尔滨市), password %s%n",
				"admin sign-in", adminPassword));
		text.append(String.format(" %-22s %s%n", "", "(kept in " + home.resolve("admin-password") + ")"));
		text.append("--------------------------------------------------------------------------------\n");
		text.append(" Try it:\n");
		text.append("  curl -s -X POST localhost:").append(quiz)
			.append("/api/sessions/phone/code -H 'Content-Type: application/json' -d '{\"phone\":\"13800138000\"}'")
			.append("   # demo: the code comes back\n");
		text.append("  curl -s -X POST localhost:").append(quiz)
			.append("/api/sessions/phone -H 'Content-Type: application/json' -d '{\"phone\":\"13800138000\",\"code\":\"<code>\"}'\n");
		text.append("  curl -s -X POST localhost:").append(quiz).append("/api/registration -H \"Authorization: Bearer $TOKEN\"")
			.append(" -H 'Content-Type: application/json' -d '{\"unionId\":\"harbin\",\"orgId\":\"harbin-0001\",")
			.append("\"name\":\"张三\",\"consent\":true,\"consentVersion\":\"2022-2\"}'\n");
		text.append("  curl -s localhost:").append(quiz).append("/api/papers/today -H \"Authorization: Bearer $TOKEN\"\n");
		text.append("  curl -s -X POST localhost:").append(reporting)
			.append("/api/sessions -H 'Content-Type: application/json' -d '{\"username\":\"province\",\"password\":\"")
			.append(adminPassword).append("\"}'\n");
		text.append(" Press Ctrl-C to stop.\n");
		text.append("================================================================================\n");
		return text.toString();
	}
}
