package org.netsecweek.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;

/**
 * A steady load of simulated workers on quiz-service: each submitter signs a new worker up, fetches the paper and
 * submits every answer right (10 points, so one draw); a drawer draws for each worker once the points arrived. A step
 * that fails is retried as a phone would (after Retry-After, else half a second), so a fault slows the load but loses
 * nobody. Every answer is counted by kind, and the accepted submissions and draws are kept for the books.
 */
final class Load implements AutoCloseable {

	private static final String[][] ORGS = { { "harbin", "harbin-0001" }, { "qitaihe", "qitaihe-0001" } };

	private static final AtomicLong phones = new AtomicLong(System.currentTimeMillis() % 10_000_000);

	private final int port;

	private final Map<String, List<String>> keys;

	private final String consent;

	private final List<Thread> threads = new ArrayList<>();

	private final LinkedBlockingQueue<Worker> waitingForPoints = new LinkedBlockingQueue<>();

	private volatile boolean submitting = true;

	private volatile boolean drawing = true;

	final Set<UUID> acceptedAttempts = ConcurrentHashMap.newKeySet();

	final Set<UUID> acceptedDraws = ConcurrentHashMap.newKeySet();

	final Tally tally = new Tally();

	/** A worker of the load, with the union and organisation it registered in. */
	record Worker(String token, String unionId, long submittedAt) {
	}

	private Load(int port, Map<String, List<String>> keys, String consent) {
		this.port = port;
		this.keys = keys;
		this.consent = consent;
	}

	/** Starts {@code submitters} workers' journeys back to back, each after {@code pace}, and one drawer. */
	static Load start(int port, String adminToken, int submitters, Duration pace) {
		Map<String, List<String>> keys = new HashMap<>();
		for (JsonNode question : Http.expect(port, "GET", "/api/admin/questions", adminToken, null).get("questions")) {
			keys.put(question.get("id").asString(), question.get("answer").valueStream().map(JsonNode::asString).toList());
		}
		String consent = Http.expect(port, "GET", "/api/privacy-notice", null, null).get("version").asString();
		Load load = new Load(port, keys, consent);
		for (int i = 0; i < submitters; i++) {
			String[] org = ORGS[i % ORGS.length];
			load.thread("submitter-" + i, () -> {
				while (load.submitting) {
					load.journey(org[0], org[1]);
					LockSupport.parkNanos(pace.toNanos());
				}
			});
		}
		load.thread("drawer", load::drawLoop);
		return load;
	}

	/** One new worker through sign-in, registration, paper and submission; null if the load stopped first. */
	Worker journey(String unionId, String orgId) {
		SignedUp worker = signUp(unionId, orgId);
		return worker == null ? null : submit(worker);
	}

	/** A worker signed in and registered, with today's paper, not submitted yet. */
	record SignedUp(String token, String unionId, JsonNode paper) {

		/** The worker id: the token's subject. */
		UUID workerId() {
			String payload = token.split("\\.")[1];
			return UUID.fromString(Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub")
				.asString());
		}
	}

	SignedUp signUp(String unionId, String orgId) {
		String phone = String.format("139%08d", phones.incrementAndGet() % 100_000_000);
		JsonNode sent = step("POST", "/api/sessions/phone/code", null, Map.of("phone", phone));
		if (sent == null) {
			return null;
		}
		JsonNode session = step("POST", "/api/sessions/phone", null,
				Map.of("phone", phone, "code", sent.get("demoCode").asString()));
		if (session == null) {
			return null;
		}
		String token = session.get("token").asString();
		if (step("POST", "/api/registration", token, Map.of("unionId", unionId, "orgId", orgId, "name", "故障演练",
				"consent", true, "consentVersion", consent)) == null) {
			return null;
		}
		JsonNode paper = step("GET", "/api/papers/today", token, null);
		return paper == null ? null : new SignedUp(token, unionId, paper);
	}

	/** Submits every answer right; the drawer then draws for the worker once the points arrived. */
	Worker submit(SignedUp signedUp) {
		Map<String, List<String>> answers = new HashMap<>();
		signedUp.paper().get("questions").forEach(q -> answers.put(q.get("id").asString(),
				keys.get(q.get("id").asString())));
		JsonNode graded = step("POST", "/api/attempts", signedUp.token(), Map.of("answers", answers));
		if (graded == null) {
			tally.unresolved.incrementAndGet();
			return null;
		}
		acceptedAttempts.add(UUID.fromString(graded.get("attemptId").asString()));
		tally.submissions.record();
		Worker worker = new Worker(signedUp.token(), signedUp.unionId(), System.nanoTime());
		waitingForPoints.add(worker);
		return worker;
	}

	private void drawLoop() {
		while (drawing) {
			Worker worker;
			try {
				worker = waitingForPoints.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (worker == null) {
				if (!submitting) {
					return; // every worker drew
				}
				continue;
			}
			if (System.nanoTime() - worker.submittedAt() < Duration.ofMillis(300).toNanos() && submitting) {
				waitingForPoints.add(worker);
				LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
				continue;
			}
			JsonNode balance = step("GET", "/api/balance", worker.token(), null);
			if (balance == null || balance.get("drawsAvailable").asInt() < 1) {
				waitingForPoints.add(new Worker(worker.token(), worker.unionId(), System.nanoTime()));
				continue;
			}
			JsonNode draw = step("POST", "/api/draws", worker.token(), Map.of("drawNumber", 1));
			if (draw == null) {
				waitingForPoints.add(worker);
				continue;
			}
			acceptedDraws.add(UUID.fromString(draw.get("drawId").asString()));
			tally.draws.record();
		}
	}

	/** A request retried until it succeeds or the load stops; null when it never did. */
	private JsonNode step(String method, String path, String token, Object body) {
		while (true) {
			Http.Response response = Http.call(port, method, path, token, body);
			tally.record(method + " " + path, response);
			if (response.ok()) {
				return response.json();
			}
			boolean stopping = path.startsWith("/api/attempts") || path.startsWith("/api/draws") ? !drawing
					: !submitting;
			if (stopping) {
				return null;
			}
			long wait = response.retryAfter() != null ? Long.parseLong(response.retryAfter().trim()) * 1000 : 500;
			LockSupport.parkNanos(Duration.ofMillis(Math.min(wait, 5000)).toNanos());
		}
	}

	private void thread(String name, Runnable body) {
		Thread thread = new Thread(body, "load-" + name);
		thread.setDaemon(true);
		threads.add(thread);
		thread.start();
	}

	/**
	 * Stops signing up workers; lets the drawer draw for every worker whose points arrive within {@code drain}
	 * (a submission still being retried is given up: its outcome is unresolved, not lost).
	 */
	void stop(Duration drain) {
		submitting = false;
		long deadline = System.nanoTime() + drain.toNanos();
		for (Thread thread : threads) {
			try {
				thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		drawing = false;
		for (Thread thread : threads) {
			try {
				thread.join(15_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		submitting = false;
		drawing = false;
	}

	/** Every answer the load got, by kind, and the accepted submissions and draws per second. */
	static final class Tally {

		final Rate submissions = new Rate();

		final Rate draws = new Rate();

		final AtomicInteger ok = new AtomicInteger();

		/** 503 with a Retry-After: refused at once, as the fail-fast rule asks */
		final AtomicInteger refused = new AtomicInteger();

		/** any other 5xx, or a 503 without Retry-After */
		final AtomicInteger serverErrors = new AtomicInteger();

		/** 4xx: the load never sends a request that deserves one */
		final AtomicInteger clientErrors = new AtomicInteger();

		/** no connection (the service is down) */
		final AtomicInteger unanswered = new AtomicInteger();

		/** no answer within {@link Http#HUNG} */
		final AtomicInteger hung = new AtomicInteger();

		final AtomicInteger unresolved = new AtomicInteger();

		final AtomicLong slowest = new AtomicLong();

		final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());

		void record(String request, Http.Response response) {
			slowest.accumulateAndGet(response.millis(), Math::max);
			int status = response.status();
			AtomicInteger counter = status >= 200 && status < 300 ? ok
					: status == 503 && response.retryAfter() != null ? refused
					: status >= 500 ? serverErrors : status >= 400 ? clientErrors : status == 0 ? unanswered : hung;
			counter.incrementAndGet();
			if ((counter == serverErrors || counter == clientErrors || counter == hung) && firstErrors.size() < 5) {
				firstErrors.add(request + " → " + response);
			}
		}
	}

	/** When each event happened, to compare a fault's window with the time before it. */
	static final class Rate {

		private final java.util.concurrent.ConcurrentLinkedQueue<Long> times = new java.util.concurrent.ConcurrentLinkedQueue<>();

		void record() {
			times.add(System.nanoTime());
		}

		/** Events per second between two {@link System#nanoTime()} instants. */
		double between(long fromNanos, long toNanos) {
			long n = times.stream().filter(t -> t >= fromNanos && t < toNanos).count();
			return toNanos > fromNanos ? n * 1e9 / (toNanos - fromNanos) : 0;
		}

		/** Seconds from {@code fromNanos} to the first event after it; -1 if none. */
		double firstAfter(long fromNanos) {
			return times.stream().filter(t -> t >= fromNanos).mapToLong(Long::longValue).min()
				.stream().mapToDouble(t -> (t - fromNanos) / 1e9).findFirst().orElse(-1);
		}

		long total() {
			return times.size();
		}
	}
}
