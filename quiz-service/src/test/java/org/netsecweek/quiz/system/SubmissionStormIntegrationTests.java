package org.netsecweek.quiz.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The morning rush on one phone: a worker's budget raised far enough that every request reaches grading, so that
 * only the attempt table's unique key stands between a hundred taps and a second attempt.
 */
@QuizIntegrationTest(properties = { "spring.config.name=quiz-service", "netsec.quiz.limits.worker-requests=1000" })
class SubmissionStormIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	@Test
	void aHundredSimultaneousSubmissionsForOneWorkerDayGiveExactlyOneSuccess() throws Exception {
		Phone phone = Phone.signIn(web, "harbin", "harbin-0002");
		JsonNode paper = phone.paper();
		Map<String, List<String>> answers = Phone.answers(paper, new HashMap<>());
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

		Concurrently.run(100, i -> {
			var result = phone.submit(answers, "tap-" + i).expectBody().returnResult();
			int status = result.getStatus().value();
			statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
			if (status == 409) {
				String code = Phone.read(result.getResponseBody()).get("code").asString();
				refusals.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
			}
		});

		assertThat(statuses.keySet()).containsExactlyInAnyOrder(201, 409);
		assertThat(statuses.get(201)).hasValue(1);
		assertThat(statuses.get(409)).hasValue(99);
		assertThat(refusals.keySet()).containsExactly("attempt-already-taken");
		assertThat(count("SELECT count(*) AS n FROM attempt WHERE worker_id = '" + phone.id + "'")).isEqualTo(1);
		assertThat(count("SELECT count(*) AS n FROM outbox WHERE message_key = '" + phone.id + "' AND topic = '"
				+ Topics.ANSWER_SUBMITTED + "' AND event_type = 'AnswerSubmitted'")).isEqualTo(1);
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
	}
}
