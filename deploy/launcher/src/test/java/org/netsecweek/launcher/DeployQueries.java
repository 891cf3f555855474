package org.netsecweek.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every PromQL expression the deployment uses: the Grafana dashboards' panel targets and the Prometheus alert
 * rules, each with where it comes from, and the metric names each one reads.
 */
final class DeployQueries {

	/** The repository's {@code deploy/} folder, from the launcher module's directory. */
	static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset", "inf", "nan", "e");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern NAME = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

	private DeployQueries() {
	}

	/** Source (file and panel or alert) to expression, with Grafana's variables replaced by concrete values. */
	static Map<String, String> all() {
		Map<String, String> queries = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		try (Stream<Path> files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode dashboard = json.readTree(file.toFile());
				for (JsonNode panel : panels(dashboard)) {
					int i = 0;
					for (JsonNode target : panel.path("targets")) {
						queries.put(file.getFileName() + " / " + panel.path("title").asString() + " #" + (i++),
								grafana(target.path("expr").asString()));
					}
				}
			}
			YAMLMapper yaml = YAMLMapper.builder().build();
			JsonNode rules = yaml.readTree(DEPLOY.resolve("prometheus/alerts.yml").toFile());
			for (JsonNode group : rules.path("groups")) {
				for (JsonNode rule : group.path("rules")) {
					String name = rule.has("alert") ? rule.path("alert").asString() : rule.path("record").asString();
					queries.put("alerts.yml / " + name, rule.path("expr").asString());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return queries;
	}

	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		}
		return panels;
	}

	/** Grafana's own variables as Prometheus would see them after Grafana's substitution. */
	static String grafana(String expr) {
		return expr.replace("$__rate_interval", "1m")
			.replace("$__interval", "1m")
			.replace("$__range", "1h")
			.replace("${service}", ".+")
			.replace("$service", ".+");
	}

	/** The metric names an expression reads (identifiers that are neither functions, keywords nor label names). */
	static Set<String> metricNames(String expr) {
		String rest = STRING.matcher(expr).replaceAll("\"\"");
		rest = MATCHERS.matcher(rest).replaceAll(" ");
		rest = GROUPING.matcher(rest).replaceAll(" ");
		rest = RANGE.matcher(rest).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = NAME.matcher(rest);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}
}
