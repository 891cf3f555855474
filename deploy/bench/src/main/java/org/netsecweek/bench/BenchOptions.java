package org.netsecweek.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line: {@code ./bench [--scenarios journey,rush,draws,limit] [--duration 30s] [--warmup 30s]
 * [--journey-rate N] [--rush-start 100] [--rush-step 100] [--rush-step-duration 5s] [--rush-max 3000]
 * [--draws 2000] [--limit-clients 32] [--report target/bench-report.html]}.
 *
 * @param journeyRate journeys started per second; 0 = half the highest rate {@code rush} held (20 without rush)
 */
record BenchOptions(Set<String> scenarios, Duration duration, Duration warmup, int journeyRate, int rushStart,
		int rushStep, Duration rushStepDuration, int rushMax, int draws, int limitClients, Path report) {

	static final List<String> ALL = List.of("rush", "journey", "draws", "limit");

	static BenchOptions parse(String... args) {
		Set<String> scenarios = new LinkedHashSet<>(ALL);
		Duration duration = Duration.ofSeconds(30);
		// a fresh JVM with four services compiles their hot paths for about half a minute; measured before that, the
		// JIT compiler took 30 % of the CPU of the steps (JFR, thread CPU load)
		Duration warmup = Duration.ofSeconds(30);
		int journeyRate = 0;
		int rushStart = 100;
		int rushStep = 100;
		Duration rushStepDuration = Duration.ofSeconds(5);
		int rushMax = 3000;
		int draws = 2000;
		int limitClients = 32;
		Path report = Path.of("target", "bench-report.html");
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--help") || option.equals("-h")) {
				throw new IllegalArgumentException("help");
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			String value = args[++i];
			switch (option) {
				case "--scenarios" -> {
					scenarios = new LinkedHashSet<>();
					for (String name : value.split(",")) {
						if (!ALL.contains(name.strip())) {
							throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + ALL);
						}
						scenarios.add(name.strip());
					}
				}
				case "--duration" -> duration = duration(value);
				case "--warmup" -> warmup = duration(value);
				case "--journey-rate" -> journeyRate = positive(option, value, true);
				case "--rush-start" -> rushStart = positive(option, value, false);
				case "--rush-step" -> rushStep = positive(option, value, false);
				case "--rush-step-duration" -> rushStepDuration = duration(value);
				case "--rush-max" -> rushMax = positive(option, value, false);
				case "--draws" -> draws = positive(option, value, false);
				case "--limit-clients" -> limitClients = positive(option, value, false);
				case "--report" -> report = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
		}
		// run in the order that feeds the next: rush finds the rate journey uses
		Set<String> ordered = new LinkedHashSet<>();
		for (String name : ALL) {
			if (scenarios.contains(name)) {
				ordered.add(name);
			}
		}
		return new BenchOptions(ordered, duration, warmup, journeyRate, rushStart, rushStep, rushStepDuration, rushMax,
				draws, limitClients, report);
	}

	static final String USAGE = """
			usage: ./bench [--scenarios rush,journey,draws,limit] [--duration 30s] [--warmup 30s] [--journey-rate N]
			               [--rush-start 100] [--rush-step 100] [--rush-step-duration 5s] [--rush-max 3000]
			               [--draws 2000] [--limit-clients 32] [--report target/bench-report.html]
			Starts the whole suite in this JVM (embedded Kafka and PostgreSQL, or those named by
			NETSEC_KAFKA_BOOTSTRAP_SERVERS / NETSEC_POSTGRES_HOST), runs the scenarios, prints a table,
			writes an HTML report and checks the books; exits 1 if a rule was broken, 2 on bad options.""";

	private static Duration duration(String value) {
		String v = value.strip().toLowerCase();
		try {
			if (v.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
			}
			if (v.endsWith("s")) {
				return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
			}
			if (v.endsWith("m")) {
				return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
			}
			return Duration.ofSeconds(Long.parseLong(v));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a duration: " + value + " (e.g. 30s, 2m, 500ms)");
		}
	}

	private static int positive(String option, String value, boolean zeroAllowed) {
		try {
			int n = Integer.parseInt(value.strip());
			if (n < 0 || (n == 0 && !zeroAllowed)) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
		}
	}
}
