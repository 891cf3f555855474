package org.netsecweek.quiz.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netsecweek.infra.Infrastructure;
import org.netsecweek.infra.InfrastructureInitializer;
import org.netsecweek.infra.RestartablePostgres;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL stops under the quiz: requests are answered 503 with Retry-After, quickly, never hanging; once the
 * circuit is open without touching the database at all; and when PostgreSQL is back the quiz serves again by
 * itself, without a restart. The quiz runs against a PostgreSQL server of this test's own.
 */
@SpringBootTest(classes = QuizApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=quiz-service")
@AutoConfigureWebTestClient(timeout = "PT30S")
@ActiveProfiles("test")
@ContextConfiguration(initializers = DatabaseOutageIntegrationTests.OwnPostgres.class)
class DatabaseOutageIntegrationTests {

	static final RestartablePostgres postgres = RestartablePostgres.start();

	@Autowired
	WebTestClient web;

	@Autowired
	CircuitBreakerRegistry breakers;

	@AfterAll
	static void stop() {
		postgres.close();
	}

	@Test
	void whilePostgresIsDownTheQuizAnswers503WithRetryAfterAndRecoversByItself() {
		Phone phone = Phone.signIn(web, "harbin", "harbin-0001");
		phone.paper();

		postgres.down();
		List<Long> millis = new ArrayList<>();
		List<EntityExchangeResult<String>> answers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			long start = System.nanoTime();
			answers.add(web.get().uri("/api/balance").headers(h -> h.setBearerAuth(phone.token)).exchange()
				.expectBody(String.class).returnResult());
			millis.add((System.nanoTime() - start) / 1_000_000);
		}

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.getStatus().value()).isEqualTo(503);
			assertThat(answer.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
			assertThat(answer.getResponseBody()).contains("\"code\":\"temporarily-unavailable\"").doesNotContain("Exception");
		});
		assertThat(millis).as("no request waits out a hung connection").allMatch(ms -> ms < 8_000);
		assertThat(breakers.circuitBreaker("database").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(breakers.circuitBreaker("database").getMetrics().getNumberOfNotPermittedCalls())
			.as("once the circuit is open, answered without trying the database").isPositive();
		assertThat(millis.subList(8, 12)).allMatch(ms -> ms < 1_000);

		postgres.up();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> web.get().uri("/api/balance").headers(h -> h.setBearerAuth(phone.token)).exchange()
				.returnResult(String.class).getStatus().value() == 200);
		web.get().uri("/api/papers/today").headers(h -> h.setBearerAuth(phone.token)).exchange()
			.expectStatus().isOk();
	}

	/** Connects the quiz to the shared broker and to this test's own PostgreSQL. */
	static class OwnPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("outage-infrastructure",
					InfrastructureInitializer.properties(Infrastructure.shared().kafkaBootstrapServers(),
							postgres.postgres(), "quiz_outage", "outage-")));
		}
	}
}
