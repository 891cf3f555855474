package org.netsecweek.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.r2dbc.core.DatabaseClient;

/** The scenarios that drive the suite through the quiz API: journey, rush and draws. */
final class Scenarios {

	/**
	 * When a waiting phone looks again, as the page does (app.js pollDelay): three times after 300 ms, then once a
	 * second. Polling faster measured the delays more finely but made the polls the load: at 200 ms, 240 waiting
	 * phones sent 1,200 balance requests a second, five times what phones send, and the quiz fell behind on them.
	 */
	private static final Duration SOON = Duration.ofMillis(300);

	private static final Duration POLL = Duration.ofMillis(1000);

	private static final Duration GIVE_UP = Duration.ofSeconds(60);

	private final Phones phones;

	private final Map<String, List<String>> keys;

	private final DatabaseClient quizDb;

	private final java.util.function.Function<UUID, String> workerToken;

	private final String consentVersion;

	private final AtomicInteger phoneNumbers = new AtomicInteger();

	/** Failures printed so far: the first few, to say why, not thousands. */
	private final AtomicInteger reported = new AtomicInteger();

	/** Submissions answered 201, across scenarios: what the books must show. */
	final AtomicLong accepted = new AtomicLong();

	Scenarios(Phones phones, Map<String, List<String>> keys, DatabaseClient quizDb,
			java.util.function.Function<UUID, String> workerToken, String consentVersion) {
		this.phones = phones;
		this.keys = keys;
		this.quizDb = quizDb;
		this.workerToken = workerToken;
		this.consentVersion = consentVersion;
	}

	/** One phone's whole journey, each step recorded; the two end-to-end delays as their own steps. */
	Mono<?> journey(Recordings rec, long intended) {
		String phone = "139" + String.format("%08d", phoneNumbers.incrementAndGet());
		return phones.signUp(phone, "harbin", "harbin-0001", consentVersion)
			.doOnNext(token -> rec.record("1 sign-in + register", intended))
			.flatMap(token -> timed(rec, "2 today's paper", phones.call("GET", "/api/papers/today", token, null, 200))
				.flatMap(paper -> timed(rec, "3 submit", phones.call("POST", "/api/attempts", token,
						Map.of("answers", Phones.answers(paper, keys)), 201)))
				.doOnNext(graded -> accepted.incrementAndGet())
				.flatMap(graded -> {
					long submitted = System.nanoTime();
					int points = graded.get("pointsEarned").asInt();
					return until(() -> phones.call("GET", "/api/balance", token, null, 200),
							balance -> !balance.get("pointsProcessing").asBoolean()
									&& balance.get("total").asInt() >= points)
						.doOnNext(balance -> rec.record("4 submit → points visible", submitted));
				})
				.flatMap(balance -> balance.get("drawsAvailable").asInt() < 1 ? Mono.just(balance)
						: timed(rec, "5 draw request",
								phones.call("POST", "/api/draws", token, Map.of("drawNumber", 1), 202))
							.flatMap(draw -> {
								long requested = System.nanoTime();
								return until(() -> phones.call("GET", "/api/draws/" + draw.get("drawId").asString(),
										token, null, 200), result -> !result.get("status").asString().equals("PENDING"))
									.doOnNext(result -> rec.record("6 draw → outcome", requested));
							})))
			.doOnSuccess(done -> rec.record("journey", intended))
			.doOnError(error -> {
				rec.error("journey");
				if (reported.incrementAndGet() <= 3) {
					System.out.println("\n  journey failed: " + error.getMessage());
				}
			});
	}

	/**
	 * The morning burst: submissions at a rate that steps up until a step's p99 passes 100 ms or a request fails.
	 * Workers are prepared first (registered in the database, tokens issued, papers fetched), not measured.
	 */
	RushResult rush(BenchOptions options) {
		List<RushStep> steps = new ArrayList<>();
		List<Prepared> submitted = new ArrayList<>();
		int held = 0;
		// warm-up at the first rate, not counted: the JIT and the connection pools start cold
		warmUp(options.rushStart(), options.warmup(), submitted);
		Machine.warmUntilJitSettles(() -> warmUp(options.rushStart(), Duration.ofSeconds(10), submitted));
		for (int rate = options.rushStart(); rate <= options.rushMax(); rate += options.rushStep()) {
			// each step's workers are prepared just before it, so a run stops preparing where the suite stops keeping up
			List<Prepared> workers = prepare((int) (rate * options.rushStepDuration().toSeconds()), rate + "/s");
			AtomicInteger next = new AtomicInteger();
			Recordings rec = new Recordings();
			rec.start();
			Machine.CpuTime cpuBefore = Machine.cpuTime();
			Map<String, Long> commitsBefore = commits();
			OpenLoad.Outcome outcome = OpenLoad.run("rush " + rate + "/s", rate, options.rushStepDuration(),
					Duration.ofSeconds(30), intended -> {
						Prepared worker = workers.get(Math.min(next.getAndIncrement(), workers.size() - 1));
						return phones.call("POST", "/api/attempts", worker.token(),
								Map.of("answers", Phones.answers(worker.paper(), keys)), 201)
							.doOnNext(graded -> {
								accepted.incrementAndGet();
								rec.record("submit", intended);
							})
							.doOnError(error -> rec.error("submit"));
					});
			Machine.CpuTime cpu = Machine.cpuTime().since(cpuBefore);
			Map<String, Long> commitsAfter = commits();
			rec.stop();
			submitted.addAll(workers.subList(0, next.get()));
			Histogram h = rec.total("submit");
			long done = Math.max(1, outcome.done());
			RushStep step = new RushStep(rate, outcome.done() / outcome.seconds(), h.getValueAtPercentile(50) / 1000.0,
					h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, outcome.failed() + outcome.unfinished(),
					(double) cpu.jvmMillis() / done, (double) cpu.jitMillis() / done, (double) cpu.othersMillis() / done);
			steps.add(step);
			System.out.printf("    %5d/s offered: %.0f/s done, p50 %.1f ms, p99 %.1f ms, failed %d; CPU per submission: "
					+ "JVM %.2f ms (JIT %.2f), PostgreSQL %.2f ms%n", rate, step.achieved(), step.p50(), step.p99(),
					step.failed(), step.jvmCpuMillis(), step.jitCpuMillis(), step.databaseCpuMillis());
			StringBuilder perDatabase = new StringBuilder();
			commitsAfter.forEach((database, count) -> perDatabase.append(String.format(" %s %.2f", database,
					(double) (count - commitsBefore.getOrDefault(database, 0L)) / done)));
			System.out.println("           commits per submission:" + perDatabase);
			if (step.p99() > 100 || step.failed() > 0) {
				break;
			}
			held = rate;
		}
		return new RushResult(held, steps, submitted);
	}

	/**
	 * Draws as fast as the lottery takes them: every worker given gets one draw request at once (open model at
	 * {@code rate}); the figure is draws completed (by lottery-service) per second from the first request to the last
	 * outcome.
	 */
	DrawResult draws(List<Prepared> workers, int rate, Recordings rec, DatabaseClient lotteryDb) {
		List<String> tokens = workers.stream().map(Prepared::token).toList();
		AtomicInteger next = new AtomicInteger();
		long before = completedDraws(lotteryDb);
		java.time.Instant startedAt = java.time.Instant.now();
		long start = System.nanoTime();
		rec.start();
		OpenLoad.Outcome outcome = OpenLoad.run("draws " + workers.size(), rate,
				Duration.ofMillis(1000L * workers.size() / rate), Duration.ofSeconds(60),
				intended -> phones.call("POST", "/api/draws", tokens.get(next.getAndIncrement()), Map.of("drawNumber", 1), 202)
					.doOnNext(draw -> rec.record("draw request", intended))
					.doOnError(error -> {
						rec.error("draw request");
						if (reported.incrementAndGet() <= 3) {
							System.out.println("\n  draw request failed: " + error.getMessage());
						}
					}));
		long requested = outcome.done() - outcome.failed();
		long deadline = System.nanoTime() + GIVE_UP.toNanos() * 3;
		long completed = 0;
		while (System.nanoTime() < deadline) {
			completed = completedDraws(lotteryDb) - before;
			if (completed >= requested) {
				break;
			}
			java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		rec.stop();
		return new DrawResult(requested, completed, seconds, completed / seconds, lotteryAlone(lotteryDb, startedAt));
	}

	/**
	 * The lottery's own pace: the scenario's draws completed per second from the first one lottery-service received
	 * to the last it completed (its {@code draw} table), without the quiz's HTTP and outbox in front of it.
	 */
	private static double lotteryAlone(DatabaseClient lotteryDb, java.time.Instant since) {
		return lotteryDb.sql("SELECT count(*) AS n, extract(epoch FROM max(completed_at) - min(received_at)) AS seconds "
				+ "FROM draw WHERE received_at >= :since AND status <> 'PENDING'")
			.bind("since", since)
			.map(row -> {
				Number drawn = row.get("seconds", Number.class);
				return drawn == null || drawn.doubleValue() <= 0 ? 0.0
						: row.get("n", Long.class) / drawn.doubleValue();
			})
			.one()
			.block();
	}

	/**
	 * Workers ready to submit: registered rows in the quiz database (harbin, harbin-0001), a token each, today's
	 * paper fetched. Setup, not measured.
	 */
	List<Prepared> prepare(int count, String label) {
		long start = System.nanoTime();
		List<UUID> ids = quizDb.sql("INSERT INTO worker (id, union_id, org_id, consent_version, registered_at) "
				+ "SELECT gen_random_uuid(), 'harbin', 'harbin-0001', :consent, now() FROM generate_series(1, :n) RETURNING id")
			.bind("consent", consentVersion)
			.bind("n", count)
			.map(row -> row.get("id", UUID.class))
			.all()
			.collectList()
			.block(Duration.ofMinutes(5));
		AtomicInteger fetched = new AtomicInteger();
		List<Prepared> prepared = Flux.fromIterable(ids)
			.flatMapSequential(id -> {
				String token = workerToken.apply(id);
				return phones.call("GET", "/api/papers/today", token, null, 200)
					.map(paper -> new Prepared(id, token, paper))
					.doOnNext(p -> {
						int n = fetched.incrementAndGet();
						if (n % 1000 == 0 || n == count) {
							System.out.printf("\r  preparing %s workers: %d/%d papers fetched   ", label, n, count);
						}
					});
			}, 64)
			.collectList()
			.block(Duration.ofMinutes(15));
		System.out.printf("\r  prepared %d %s workers in %.1f s (not measured)          %n", count, label,
				(System.nanoTime() - start) / 1e9);
		return prepared;
	}

	/** Transactions committed so far in each database of the suite's PostgreSQL. */
	private Map<String, Long> commits() {
		Map<String, Long> commits = new java.util.TreeMap<>();
		quizDb.sql("SELECT datname, xact_commit FROM pg_stat_database WHERE datname LIKE 'bench%'")
			.map(row -> Map.entry(row.get("datname", String.class), row.get("xact_commit", Long.class)))
			.all()
			.doOnNext(entry -> commits.put(entry.getKey(), entry.getValue()))
			.blockLast();
		return commits;
	}

	private Mono<JsonNode> submit(Prepared worker) {
		return phones.call("POST", "/api/attempts", worker.token(), Map.of("answers", Phones.answers(worker.paper(), keys)),
				201)
			.doOnNext(graded -> accepted.incrementAndGet());
	}

	/** Submits every prepared worker's right answers (setup for the draws scenario). */
	void submitAll(List<Prepared> workers) {
		Flux.fromIterable(workers)
			.flatMap(worker -> phones.call("POST", "/api/attempts", worker.token(),
					Map.of("answers", Phones.answers(worker.paper(), keys)), 201)
				.doOnNext(graded -> accepted.incrementAndGet()), 64)
			.blockLast(Duration.ofMinutes(10));
	}

	private static long completedDraws(DatabaseClient lotteryDb) {
		return lotteryDb.sql("SELECT count(*) AS n FROM draw WHERE status <> 'PENDING'")
			.map(row -> row.get("n", Long.class))
			.one()
			.block();
	}

	private static Mono<JsonNode> timed(Recordings rec, String step, Mono<JsonNode> call) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return call.doOnNext(result -> rec.record(step, start)).doOnError(error -> rec.error(step));
		});
	}

	private static Mono<JsonNode> until(java.util.function.Supplier<Mono<JsonNode>> look,
			java.util.function.Predicate<JsonNode> done) {
		return Mono.defer(look)
			.flatMap(result -> done.test(result) ? Mono.just(result) : Mono.empty())
			.repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(attempt < 3 ? SOON : POLL)))
			.timeout(GIVE_UP);
	}

	private void warmUp(int rate, Duration duration, List<Prepared> submitted) {
		List<Prepared> warm = prepare((int) (rate * duration.toSeconds()), "warm-up");
		AtomicInteger next = new AtomicInteger();
		OpenLoad.run("rush warm-up", rate, duration, Duration.ofSeconds(30),
				intended -> submit(warm.get(next.getAndIncrement())));
		submitted.addAll(warm);
	}

	record Prepared(UUID id, String token, JsonNode paper) {
	}

	/**
	 * @param jvmCpuMillis CPU time of this JVM (the four services, Kafka and the load generator) during the step,
	 * per submission done; consumers working off the step's events count in so far as they kept up
	 * @param jitCpuMillis of that, what the JIT compilers spent
	 * @param databaseCpuMillis the same for PostgreSQL's processes
	 */
	record RushStep(int offered, double achieved, double p50, double p99, double max, long failed, double jvmCpuMillis,
			double jitCpuMillis, double databaseCpuMillis) {
	}

	/** @param held the highest offered rate whose step kept p99 ≤ 100 ms without a failure */
	record RushResult(int held, List<RushStep> steps, List<Prepared> submitted) {
	}

	/**
	 * @param perSecond draws completed per second from the first request to the quiz to the last outcome
	 * @param lotteryPerSecond the same inside lottery-service: from the first draw it received to the last it
	 * completed
	 */
	record DrawResult(long requested, long completed, double seconds, double perSecond, double lotteryPerSecond) {
	}
}
