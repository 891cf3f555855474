package org.netsecweek.quiz.attempt;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.quiz.paper.Papers;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "attempt", description = "Answering today's paper")
class AttemptController {

	private final SubmitAnswers submitAnswers;

	private final Attempts attempts;

	private final Papers papers;

	AttemptController(SubmitAnswers submitAnswers, Attempts attempts, Papers papers) {
		this.submitAnswers = submitAnswers;
		this.attempts = attempts;
		this.papers = papers;
	}

	@PostMapping("/api/attempts")
	@Operation(summary = "Submit today's answers once: graded at once, with explanations",
			description = "A repeat with the same Idempotency-Key (or, without one, the same answers) returns the "
					+ "first result with 200 and header Idempotent-Replayed: true.")
	@ApiResponse(responseCode = "201", description = "Graded and stored")
	@ApiResponse(responseCode = "200", description = "A repeat of the stored submission")
	@ApiResponse(responseCode = "400", description = "Answers that do not fit the paper",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "Already answered today, or the campaign is not open",
			content = @Content(mediaType = "application/problem+json"))
	Mono<ResponseEntity<GradedAttempt>> submit(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "A client-chosen key per submission, e.g. a UUID")
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
			@RequestBody @Valid Answers body) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			return Mono.error(new DomainProblem(HttpStatus.BAD_REQUEST, "bad-idempotency-key", "请求标识无效",
					"Idempotency-Key 须为1到100个字符。"));
		}
		Map<String, Set<String>> answers = body.answers()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue() == null ? List.of() : e.getValue())));
		return submitAnswers.submit(Caller.of(jwt).workerId(), answers, idempotencyKey)
			.map(submission -> submission.stored()
					? ResponseEntity.status(HttpStatus.CREATED).body(submission.graded())
					: ResponseEntity.ok().header("Idempotent-Replayed", "true").body(submission.graded()));
	}

	@GetMapping("/api/attempts/today")
	@Operation(summary = "The signed-in worker's graded attempt of today, if any")
	@ApiResponse(responseCode = "404", description = "Not answered yet today",
			content = @Content(mediaType = "application/problem+json"))
	Mono<GradedAttempt> today(@AuthenticationPrincipal Jwt jwt) {
		UUID worker = Caller.of(jwt).workerId();
		return Mono.fromCallable(papers::today)
			.flatMap(day -> attempts.find(day, worker))
			.map(Attempts.Stored::graded)
			.switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.NOT_FOUND, "no-attempt-today", "今天还没答题",
					"今天还没有提交答案。")));
	}

	/**
	 * @param answers question id to the keys of the chosen options
	 */
	record Answers(@NotNull @Size(max = 50) @Schema(example = "{\"pipl-001\": [\"B\"], \"pi-daily-003\": [\"A\", \"B\", \"C\"]}")
			Map<String, @Size(max = 10) List<String>> answers) {
	}
}
