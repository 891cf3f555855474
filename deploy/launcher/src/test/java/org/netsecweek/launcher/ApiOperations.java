package org.netsecweek.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every HTTP operation the four services publish in their OpenAPI descriptions, with path parameters filled with
 * harmless values: so the security and fuzz tests cover endpoints added later without being told.
 */
record ApiOperations(List<Operation> all) {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

	/**
	 * One operation.
	 *
	 * @param path the path with its parameters filled in
	 * @param template the path as described
	 */
	record Operation(Service service, String method, String path, String template) {

		boolean isAdmin() {
			return template.startsWith("/api/admin/");
		}

		boolean hasBody() {
			return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
		}

		@Override
		public String toString() {
			return service.serviceName() + " " + method + " " + template;
		}
	}

	static ApiOperations of(Suite suite) {
		List<Operation> operations = new ArrayList<>();
		for (Service service : Service.values()) {
			WebTestClient client = client(suite, service);
			JsonNode docs = json.readTree(client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
				.expectBody().returnResult().getResponseBody());
			for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
				for (String method : path.getValue().propertyNames()) {
					if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
						operations.add(new Operation(service, method.toUpperCase(), fill(path.getKey()), path.getKey()));
					}
				}
			}
		}
		return new ApiOperations(List.copyOf(operations));
	}

	static WebTestClient client(Suite suite, Service service) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + suite.port(service))
			.responseTimeout(Duration.ofSeconds(30))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)) // a service's whole scrape
			.build();
	}

	private static String fill(String template) {
		Matcher m = PARAMETER.matcher(template);
		StringBuilder path = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			m.appendReplacement(path, name.equals("campaignId") ? "demo" : UUID.randomUUID().toString());
		}
		m.appendTail(path);
		return path.toString();
	}
}
