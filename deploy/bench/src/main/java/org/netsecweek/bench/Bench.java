package org.netsecweek.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.netsecweek.infra.Infrastructure;
import org.netsecweek.launcher.Service;
import org.netsecweek.launcher.Suite;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import tools.jackson.databind.JsonNode;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * {@code ./bench}: starts the suite in this JVM, runs the scenarios, prints the table and the ratios to this
 * machine's own limits, writes the HTML report, checks the books. Exit status 0, or 1 when a rule was broken.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			if (!ex.getMessage().equals("help")) {
				System.err.println(ex.getMessage());
			}
			System.err.println(BenchOptions.USAGE);
			System.exit(ex.getMessage().equals("help") ? 0 : 2);
			return;
		}
		System.setProperty("logging.level.root", "WARN");
		System.exit(new Bench().run(options));
	}

	private int run(BenchOptions options) throws Exception {
		String machine = Machine.describe();
		System.out.println("netsec-week benchmark, " + LocalDate.now() + ", " + machine);
		System.out.println("scenarios " + options.scenarios() + ", duration " + options.duration().toSeconds()
				+ " s, warm-up " + options.warmup().toSeconds() + " s");
		long startedAt = System.nanoTime();
		Infrastructure infrastructure = Infrastructure.shared();
		double infraSeconds = (System.nanoTime() - startedAt) / 1e9;
		Suite suite = Suite.start(infrastructure, new EnumMap<>(Service.class), "bench_", "bench-", suiteProperties());
		double startupSeconds = (System.nanoTime() - startedAt) / 1e9;
		System.out.printf("suite started in %.1f s (Kafka and PostgreSQL %.1f s, the four services %.1f s)%n",
				startupSeconds, infraSeconds, startupSeconds - infraSeconds);
		try {
			return measure(options, machine, infrastructure, suite, startupSeconds);
		}
		finally {
			suite.close();
			infrastructure.stop();
		}
	}

	private int measure(BenchOptions options, String machine, Infrastructure infrastructure, Suite suite,
			double startupSeconds) throws Exception {
		Tokens tokens = suite.context(Service.QUIZ).getBean(Tokens.class);
		DatabaseClient quizDb = suite.context(Service.QUIZ).getBean(DatabaseClient.class);
		DatabaseClient scoringDb = suite.context(Service.SCORING).getBean(DatabaseClient.class);
		DatabaseClient lotteryDb = suite.context(Service.LOTTERY).getBean(DatabaseClient.class);
		Machine.includeDatabase(quizDb.sql("SELECT pg_backend_pid() AS pid")
			.map(row -> row.get("pid", Integer.class))
			.one()
			.block());
		Phones phones = new Phones(suite.port(Service.QUIZ));
		String admin = tokens.issue(new Caller("bench", Role.PROVINCE_ADMIN, null)).token();
		Map<String, List<String>> keys = new HashMap<>();
		for (JsonNode question : phones.call("GET", "/api/admin/questions", admin, null, 200).block().get("questions")) {
			keys.put(question.get("id").asString(), question.get("answer").valueStream().map(JsonNode::asString).toList());
		}
		String consent = phones.call("GET", "/api/privacy-notice", null, null, 200).block().get("version").asString();
		String campaign = phones.call("GET", "/api/campaign", null, null, 200).block().get("id").asString();
		Scenarios scenarios = new Scenarios(phones, keys, quizDb,
				worker -> tokens.issue(new Caller(worker.toString(), Role.WORKER, null)).token(), consent);
		Report report = new Report("netsec-week benchmark " + LocalDate.now(), machine);
		List<List<String>> summary = new ArrayList<>();
		long peakMemory = Machine.residentMiB();

		Scenarios.RushResult rush = null;
		if (options.scenarios().contains("rush")) {
			System.out.println("\n== rush: submissions/s stepping up until p99 > 100 ms or a failure");
			rush = scenarios.rush(options);
			peakMemory = Math.max(peakMemory, Machine.residentMiB());
			report.heading("rush");
			List<List<String>> rows = new ArrayList<>();
			for (Scenarios.RushStep step : rush.steps()) {
				rows.add(List.of(String.valueOf(step.offered()), fmt(step.achieved()), fmt(step.p50()), fmt(step.p99()),
						fmt(step.max()), String.valueOf(step.failed()), fmt(step.jvmCpuMillis()),
						fmt(step.jitCpuMillis()), fmt(step.databaseCpuMillis())));
			}
			report.table(List.of("offered/s", "done/s", "p50 ms", "p99 ms", "max ms", "failed", "JVM CPU ms/submission",
					"of which JIT", "PostgreSQL CPU ms/submission"), rows);
			summary.add(List.of("rush: highest submission rate held at p99 ≤ 100 ms", rush.held() + "/s"));
		}

		Recordings journeyRec = null;
		int journeyRate = options.journeyRate() > 0 ? options.journeyRate()
				: rush != null && rush.held() > 0 ? Math.max(1, rush.held() / 2) : 20;
		if (options.scenarios().contains("journey")) {
			System.out.println("\n== journey: " + journeyRate + " phones/s sign in, answer, wait for points, draw, wait "
					+ "for the outcome (warm-up " + options.warmup().toSeconds() + " s not counted)");
			journeyRec = new Recordings();
			Recordings rec = journeyRec;
			OpenLoad.run("journey warm-up", journeyRate, options.warmup(), Duration.ofSeconds(30),
					intended -> scenarios.journey(rec, intended));
			Machine.warmUntilJitSettles(() -> OpenLoad.run("journey warm-up", journeyRate, Duration.ofSeconds(10),
					Duration.ofSeconds(30), intended -> scenarios.journey(rec, intended)));
			rec.start();
			java.time.Instant measuredFrom = java.time.Instant.now();
			Machine.CpuTime cpuBefore = Machine.cpuTime();
			OpenLoad.Outcome outcome = OpenLoad.run("journey", journeyRate, options.duration(), Duration.ofSeconds(90),
					intended -> scenarios.journey(rec, intended));
			Machine.CpuTime cpu = Machine.cpuTime().since(cpuBefore);
			rec.stop();
			java.time.Instant measuredTo = java.time.Instant.now();
			Map<String, Histogram> hops = new LinkedHashMap<>(Hops.points(measuredFrom, measuredTo, quizDb, scoringDb));
			hops.putAll(Hops.draws(measuredFrom, measuredTo, quizDb, lotteryDb));
			peakMemory = Math.max(peakMemory, Machine.residentMiB());
			Map<String, Histogram> steps = new TreeMap<>();
			for (String step : rec.timeline().keySet()) {
				steps.put(step, rec.total(step));
			}
			report.heading("journey at " + journeyRate + "/s");
			List<List<String>> rows = new ArrayList<>();
			steps.forEach((step, h) -> rows.add(List.of(step, String.valueOf(h.getTotalCount()),
					fmt(h.getValueAtPercentile(50) / 1000.0), fmt(h.getValueAtPercentile(95) / 1000.0),
					fmt(h.getValueAtPercentile(99) / 1000.0), fmt(h.getMaxValue() / 1000.0),
					String.valueOf(rec.errors(step)))));
			report.table(List.of("step", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"), rows);
			report.distribution(steps);
			report.throughput(rec.timeline());
			System.out.printf("  %-28s %8s %9s %9s %9s %9s%n", "step", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
			rows.forEach(row -> System.out.printf("  %-28s %8s %9s %9s %9s %9s%n", row.get(0), row.get(1), row.get(2),
					row.get(3), row.get(4), row.get(5)));
			List<List<String>> hopRows = new ArrayList<>();
			hops.forEach((hop, h) -> hopRows.add(List.of(hop, String.valueOf(h.getTotalCount()),
					fmt(h.getValueAtPercentile(50) / 1000.0), fmt(h.getValueAtPercentile(95) / 1000.0),
					fmt(h.getValueAtPercentile(99) / 1000.0), fmt(h.getMaxValue() / 1000.0))));
			report.heading("where the two delays go (per hop, from the services' tables)");
			report.table(List.of("hop", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"), hopRows);
			System.out.println("  where the two delays go, per hop (from the services' tables):");
			hopRows.forEach(row -> System.out.printf("  %-38s %8s %9s %9s %9s %9s%n", row.get(0), row.get(1),
					row.get(2), row.get(3), row.get(4), row.get(5)));
			Histogram journeys = steps.getOrDefault("journey", new Histogram(3));
			long completed = Math.max(1, journeys.getTotalCount());
			System.out.printf("  CPU per journey completed (the suite, its Kafka and the load generator in this JVM; "
					+ "PostgreSQL): JVM %.1f ms (JIT %.1f), PostgreSQL %.1f ms%n", (double) cpu.jvmMillis() / completed,
					(double) cpu.jitMillis() / completed, (double) cpu.othersMillis() / completed);
			summary.add(List.of("journey: journeys/s completed (offered " + journeyRate + "/s)",
					fmt(journeys.getTotalCount() / (double) options.duration().toSeconds())));
			summary.add(List.of("journey: CPU per journey, JVM (of which JIT) + PostgreSQL",
					fmt((double) cpu.jvmMillis() / completed) + " (" + fmt((double) cpu.jitMillis() / completed) + ") + "
							+ fmt((double) cpu.othersMillis() / completed) + " ms"));
			summary.add(List.of("journey: submit → balance stored p99 (server side, from the tables)",
					fmt(hops.get(Hops.POINTS.get(4)).getValueAtPercentile(99) / 1000.0) + " ms"));
			summary.add(List.of("journey: draw requested → outcome stored p99 (server side, from the tables)",
					fmt(hops.get(Hops.DRAWS.get(5)).getValueAtPercentile(99) / 1000.0) + " ms"));
			summary.add(List.of("journey: submit → points visible p99",
					fmt(steps.getOrDefault("4 submit → points visible", new Histogram(3)).getValueAtPercentile(99) / 1000.0)
							+ " ms"));
			summary.add(List.of("journey: draw → outcome p99",
					fmt(steps.getOrDefault("6 draw → outcome", new Histogram(3)).getValueAtPercentile(99) / 1000.0)
							+ " ms"));
			summary.add(List.of("journey: failed journeys", String.valueOf(outcome.failed() + outcome.unfinished())));
		}

		Scenarios.DrawResult draws = null;
		if (options.scenarios().contains("draws")) {
			System.out.println("\n== draws: " + options.draws() + " workers with one draw each ask at once");
			List<Scenarios.Prepared> workers = scenarios.prepare(options.draws(), "draws");
			scenarios.submitAll(workers);
			waitForDraws(quizDb, workers);
			Recordings rec = new Recordings();
			draws = scenarios.draws(workers, Math.max(500, options.draws() / 2), rec, lotteryDb);
			peakMemory = Math.max(peakMemory, Machine.residentMiB());
			System.out.printf("  %d draws completed of %d asked in %.1f s: %.0f draws/s%n", draws.completed(),
					draws.requested(), draws.seconds(), draws.perSecond());
			System.out.printf("  inside lottery-service (first received → last completed): %.0f draws/s%n",
					draws.lotteryPerSecond());
			summary.add(List.of("lottery: draws/s through the suite (" + draws.requested() + " at once)",
					fmt(draws.perSecond())));
			summary.add(List.of("lottery: draws/s inside lottery-service (first received → last completed)",
					fmt(draws.lotteryPerSecond())));
		}

		Limit.Figures limits = null;
		if (options.scenarios().contains("limit")) {
			System.out.println("\n== limit: this machine's PostgreSQL without the services, " + options.limitClients()
					+ " clients, durable commits");
			Duration each = options.duration().compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
					: options.duration();
			limits = new Limit(infrastructure.postgres(), options.limitClients(), each).run();
			summary.add(List.of("limit: attempt + outbox commits/s", fmt(limits.submissionCommits())));
			summary.add(List.of("limit: hot counter + draw commits/s", fmt(limits.hotCounterCommits())));
			summary.add(List.of("limit: unit claim (SKIP LOCKED) + draw commits/s", fmt(limits.unitClaimCommits())));
		}
		if (rush != null && limits != null) {
			summary.add(List.of("ratio rush / limit (target ≥ 0.5)",
					ratio(rush.held() / limits.submissionCommits()) + verdict(rush.held() >= 0.5 * limits.submissionCommits())));
		}
		if (draws != null && limits != null) {
			summary.add(List.of("ratio lottery / hot counter (target ≥ 2)",
					ratio(draws.perSecond() / limits.hotCounterCommits())
							+ verdict(draws.perSecond() >= 2 * limits.hotCounterCommits())));
			// for reading only: the target is judged on the figure through the suite above
			summary.add(List.of("ratio inside lottery-service / hot counter (not the target's figure)",
					ratio(draws.lotteryPerSecond() / limits.hotCounterCommits())));
		}
		summary.add(List.of("suite start-up (target < 60 s)", fmt(startupSeconds) + " s" + verdict(startupSeconds < 60)));
		summary.add(List.of("resident memory, peak sampled (target < 3072 MiB)",
				peakMemory + " MiB" + verdict(peakMemory < 3072)));

		System.out.println("\n== books");
		List<Books.Line> books = Books.check(scenarios.accepted.get(), campaign, quizDb, scoringDb, lotteryDb);
		boolean balanced = books.stream().allMatch(Books.Line::holds);
		List<List<String>> bookRows = new ArrayList<>();
		for (Books.Line line : books) {
			System.out.printf("  %-4s %-50s %s%n", line.holds() ? "ok" : "FAIL", line.rule(), line.figures());
			bookRows.add(List.of(line.rule(), line.figures(), line.holds() ? "ok" : "FAIL"));
		}

		System.out.println("\n== summary");
		Map<String, String> table = new LinkedHashMap<>();
		summary.forEach(row -> table.put(row.get(0), row.get(1)));
		table.forEach((k, v) -> System.out.printf("  %-58s %s%n", k, v));
		report.heading("summary");
		report.table(List.of("figure", "value"), summary);
		report.heading("books");
		report.table(List.of("rule", "figures", "holds"), bookRows);
		report.write(options.report());
		System.out.println("\nreport: " + options.report().toAbsolutePath());
		System.out.println("\nfor docs/benchmarks.md:\n");
		System.out.println("| figure | value |\n|---|---|");
		table.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
		if (!balanced) {
			System.out.println("\n!!! THE BOOKS DO NOT BALANCE: a rule was broken under load (see FAIL above) !!!");
			return 1;
		}
		System.out.println("\nbooks balance: every rule held");
		return 0;
	}

	/** Waits until quiz-service shows the workers' points (one draw each). */
	private static void waitForDraws(DatabaseClient quizDb, List<Scenarios.Prepared> workers) {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		String ids = workers.stream().map(w -> "'" + w.id() + "'").reduce((a, b) -> a + "," + b).orElse("''");
		while (System.nanoTime() < deadline) {
			long ready = quizDb.sql("SELECT count(*) AS n FROM balance WHERE draws_earned >= 1 AND worker_id IN (" + ids + ")")
				.map(row -> row.get("n", Long.class))
				.one()
				.block();
			System.out.printf("\r  waiting for points: %d/%d workers can draw   ", ready, workers.size());
			if (ready >= workers.size()) {
				System.out.println();
				return;
			}
			java.util.concurrent.locks.LockSupport.parkNanos(500_000_000);
		}
		System.out.println("\n  not every worker's points arrived in 2 minutes; drawing with those that did");
	}

	private static Map<String, Object> suiteProperties() throws java.io.IOException {
		Map<String, Object> properties = new HashMap<>();
		properties.put("netsec.security.key-directory", Files.createTempDirectory("netsec-bench").toString());
		properties.put("netsec.security.generate-key-if-missing", true);
		// thousands of phones share this one client address and poll fast: the per-caller limits would stop them
		properties.put("netsec.quiz.limits.worker-requests", 10_000_000);
		properties.put("netsec.quiz.limits.anonymous-requests", 10_000_000);
		// virtual workers answer in milliseconds: do not hold their papers for review
		properties.put("netsec.scoring.review.min-time-per-question", "0s");
		properties.put("netsec.scoring.review.hold-fast-papers", false);
		return properties;
	}

	private static String verdict(boolean met) {
		return met ? " (met)" : " (MISSED)";
	}

	private static String fmt(double value) {
		return value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
	}

	/** A ratio to three significant figures: 0.048, not 0.0. */
	private static String ratio(double value) {
		return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
	}
}
