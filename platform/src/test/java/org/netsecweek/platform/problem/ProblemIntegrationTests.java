package org.netsecweek.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsecweek.platform.PlatformIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemIntegrationTests {

	@Autowired
	WebTestClient web;

	@Test
	void aDomainProblemKeepsItsStatusAndChineseDetail() {
		web.get()
			.uri("/open/taken")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:problem-type:netsec-week:attempt-already-taken")
			.jsonPath("$.title").isEqualTo("今日已答题")
			.jsonPath("$.detail").isEqualTo("今天已经答过题了，明天再来吧。")
			.jsonPath("$.instance").isEqualTo("/open/taken");
	}

	@Test
	void anUnexpectedFailureIsLoggedWithTheRequestsTraceAndSpanIds(CapturedOutput output) {
		web.get().uri("/open/boom").exchange().expectStatus().isEqualTo(500);

		assertThat(output.getAll().lines().filter(line -> line.contains("GET /open/boom failed")))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line).containsPattern("\\[[0-9a-f]{32}-[0-9a-f]{16}\\]"));
	}

	@Test
	void anUnexpectedFailureIsA500WithoutItsInternals() {
		web.get()
			.uri("/open/boom")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectBody(String.class)
			.value(body -> org.assertj.core.api.Assertions.assertThat(body)
				.contains("internal-error")
				.doesNotContain("secret internals")
				.doesNotContain("IllegalStateException"));
	}

	@Test
	void brokenJsonIsA400() {
		web.post()
			.uri("/open/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader().valueEquals("Connection", "close") // refused with a body: no reuse of the connection
			.expectBody()
			.jsonPath("$.code").isEqualTo("malformed-request");
	}

	@Test
	void anAcceptedBodyKeepsTheConnectionOpen() {
		web.post()
			.uri("/open/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\": \"a\", \"count\": 1}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectHeader().doesNotExist("Connection");
	}

	@Test
	void anInvalidFieldIsA400ThatNamesTheField() {
		web.post()
			.uri("/open/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\": \"\", \"count\": 1}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code").isEqualTo("invalid-request")
			.jsonPath("$.errors[0].field").isEqualTo("text");
	}

	@Test
	void aBodyOverTheCodecLimitIsA413() {
		String text = "x".repeat(300 * 1024); // over Spring's default 256 KB max-in-memory-size
		web.post()
			.uri("/open/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\": \"" + text + "\", \"count\": 1}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code").isEqualTo("payload-too-large");
	}

	@Test
	void anUnknownPathIsA404Problem() {
		web.get()
			.uri("/open/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("not-found");
	}
}
