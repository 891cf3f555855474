package org.netsecweek.quiz.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Budgets small enough to spend in a test: 5 requests per worker and 6 per address a minute, behind a trusted proxy
 * so that each test comes from addresses of its own through {@code X-Forwarded-For}.
 */
@QuizIntegrationTest(properties = { "spring.config.name=quiz-service", "netsec.quiz.limits.period=1m",
		"netsec.quiz.limits.worker-requests=5", "netsec.quiz.limits.anonymous-requests=6",
		"netsec.quiz.limits.behind-trusted-proxy=true" })
class RequestLimitsIntegrationTests {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	WebTestClient web;

	@Autowired
	MeterRegistry meters;

	@Test
	void aWorkerOverBudgetGetsA429ProblemThatSaysWhenToRetry() {
		Phone phone = Phone.signIn(fromNewAddress(), "harbin", "harbin-0001"); // registering spends 1
		double before = refused("worker");
		for (int i = 0; i < 4; i++) {
			phone.get("/api/me");
		}

		me(phone).expectStatus()
			.isEqualTo(429)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().value("Retry-After", seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60))
			.expectBody()
			.jsonPath("$.code").isEqualTo("too-many-requests")
			.jsonPath("$.status").isEqualTo(429)
			.jsonPath("$.detail").isEqualTo("操作太频繁，请稍后再试。")
			.jsonPath("$.retryAfterSeconds").isNumber();
		assertThat(refused("worker")).isEqualTo(before + 1);
	}

	@Test
	void workersAtTheSameAddressHaveBudgetsOfTheirOwn() {
		WebTestClient address = fromNewAddress();
		Phone first = Phone.signIn(address, "daqing", "daqing-0001");
		Phone second = Phone.signIn(address, "daqing", "daqing-0002");
		for (int i = 0; i < 4; i++) {
			first.get("/api/me");
		}
		me(first).expectStatus().isEqualTo(429);

		me(second).expectStatus().isOk();
		me(second).expectStatus().isOk();
	}

	@Test
	void aWorkerFloodingTheServiceIsRefusedWithoutSlowingAnotherWorker() throws Exception {
		WebTestClient address = fromNewAddress();
		Phone flooder = Phone.signIn(address, "jixi", "jixi-0001");
		Phone other = Phone.signIn(address, "jixi", "jixi-0002");
		long before = timed(() -> me(other).expectStatus().isOk());
		AtomicInteger refusedFlood = new AtomicInteger();
		AtomicInteger otherwise = new AtomicInteger();
		List<Long> during = java.util.Collections.synchronizedList(new ArrayList<>());

		Concurrently.run(17, i -> {
			if (i == 16) { // the other worker, in the middle of the flood
				java.util.concurrent.locks.LockSupport.parkNanos(200_000_000);
				for (int n = 0; n < 3; n++) {
					during.add(timed(() -> me(other).expectStatus().isOk()));
				}
				return;
			}
			for (int n = 0; n < 60; n++) {
				int status = me(flooder).returnResult(String.class).getStatus().value();
				(status == 429 ? refusedFlood : otherwise).incrementAndGet();
			}
		});

		System.out.printf("RATE-LIMIT flood of 960 by one worker: %d refused (429), %d admitted; the other worker: %d ms "
				+ "before, %s ms during%n", refusedFlood.get(), otherwise.get(), before, during);
		assertThat(refusedFlood.get()).as("the flood is refused beyond the worker's budget").isGreaterThanOrEqualTo(960 - 4);
		assertThat(otherwise.get()).isLessThanOrEqualTo(4);
		assertThat(during).as("the other worker's requests during the flood, ms (before it: %d ms)", before)
			.hasSize(3)
			.allMatch(ms -> ms < 2_000);
	}

	private static long timed(Runnable request) {
		long start = System.nanoTime();
		request.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Test
	void anonymousRequestsAreCountedByAddressSignInIncluded() {
		WebTestClient address = fromNewAddress();
		double before = refused("anonymous");
		for (int i = 0; i < 6; i++) {
			campaign(address).expectStatus().isOk();
		}

		campaign(address).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
			.expectBody().jsonPath("$.code").isEqualTo("too-many-requests");
		address.post().uri("/api/sessions/phone/code").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"phone\": \"13900000001\"}")
			.exchange()
			.expectStatus().isEqualTo(429)
			.expectBody().jsonPath("$.code").isEqualTo("too-many-requests");
		campaign(fromNewAddress()).expectStatus().isOk();
		assertThat(refused("anonymous")).isEqualTo(before + 2);
	}

	@Test
	void aSignedInWorkerDoesNotSpendTheBudgetOfTheirAddress() {
		WebTestClient address = fromNewAddress();
		Phone phone = Phone.signIn(address, "jixi", "jixi-0001"); // 2 anonymous requests: code and sign-in
		for (int i = 0; i < 4; i++) {
			campaign(address).expectStatus().isOk();
		}
		campaign(address).expectStatus().isEqualTo(429);

		me(phone).expectStatus().isOk();
	}

	@Test
	void thePageItsAssetsAndActuatorAreNeverLimited() {
		WebTestClient address = fromNewAddress();
		for (int i = 0; i < 10; i++) {
			for (String path : new String[] { "/", "/index.html", "/assets/app.js", "/actuator/health/liveness",
					"/actuator/prometheus" }) {
				address.get().uri(path).exchange().expectStatus().isOk();
			}
		}

		for (int i = 0; i < 6; i++) {
			campaign(address).expectStatus().isOk();
		}
	}

	@Test
	void aJsonBodyOverTheLimitIsA413ProblemBeforeAnyBudgetIsSpent() {
		WebTestClient address = fromNewAddress();
		Phone phone = Phone.signIn(address, "heihe", "heihe-0001");
		String oversized = answersOfSize(70 * 1024);

		for (int i = 0; i < 6; i++) {
			address.post().uri("/api/attempts").headers(h -> h.setBearerAuth(phone.token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(oversized)
				.exchange()
				.expectStatus().isEqualTo(413)
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code").isEqualTo("payload-too-large")
				.jsonPath("$.maxBytes").isEqualTo(64 * 1024);
		}
		address.post().uri("/api/sessions/phone").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(oversized)
			.exchange()
			.expectStatus().isEqualTo(413);
		me(phone).expectStatus().isOk();
	}

	@Test
	void aChunkedJsonBodyOverTheLimitIsA413Problem() {
		Phone phone = Phone.signIn(fromNewAddress(), "qiqihar", "qiqihar-0001");

		web.post().uri("/api/attempts").headers(h -> h.setBearerAuth(phone.token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunked(answersOfSize(70 * 1024)), DataBuffer.class)
			.exchange()
			.expectStatus().isEqualTo(413)
			.expectBody()
			.jsonPath("$.code").isEqualTo("payload-too-large")
			.jsonPath("$.maxBytes").isEqualTo(64 * 1024);
	}

	@Test
	void anUnreadableContentTypeIsA415ProblemNotA500() {
		// the body limit reads the Content-Type of every request; one it cannot parse used to end in a 500
		fromNewAddress().get().uri("/api/campaign").header("Content-Type", "application/json; charset=utf-7").exchange()
			.expectStatus().isEqualTo(415)
			.expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
	}

	@Test
	void aJsonBodyUnderTheLimitIsRead() {
		Phone phone = Phone.signIn(fromNewAddress(), "qiqihar", "qiqihar-0002");
		String body = answersOfSize(60 * 1024);

		web.post().uri("/api/attempts").headers(h -> h.setBearerAuth(phone.token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("answers-do-not-fit-paper");
		web.post().uri("/api/attempts").headers(h -> h.setBearerAuth(phone.token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunked(body), DataBuffer.class)
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("answers-do-not-fit-paper");
	}

	/** A client behind the trusted proxy, at an address no other test uses. */
	private WebTestClient fromNewAddress() {
		return web.mutate()
			.defaultHeader("X-Forwarded-For", "203.0.113." + addresses.incrementAndGet() + ", 10.0.0.1")
			.build();
	}

	private static WebTestClient.ResponseSpec campaign(WebTestClient client) {
		return client.get().uri("/api/campaign").exchange();
	}

	private WebTestClient.ResponseSpec me(Phone phone) {
		return web.get().uri("/api/me").headers(h -> h.setBearerAuth(phone.token)).exchange();
	}

	private double refused(String kind) {
		return meters.get("quiz.rate.limited").tag("kind", kind).counter().count();
	}

	/** An answer to a question that is not on the paper, whose option makes the body about {@code bytes} long. */
	private static String answersOfSize(int bytes) {
		return "{\"answers\": {\"not-on-the-paper\": [\"" + "A".repeat(bytes - 40) + "\"]}}";
	}

	/** The body in 8 KB chunks of unknown total length: sent with {@code Transfer-Encoding: chunked}. */
	private static Flux<DataBuffer> chunked(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return Flux.range(0, (bytes.length + 8191) / 8192)
			.map(i -> DefaultDataBufferFactory.sharedInstance
				.wrap(ByteBuffer.wrap(bytes, i * 8192, Math.min(8192, bytes.length - i * 8192))));
	}
}
