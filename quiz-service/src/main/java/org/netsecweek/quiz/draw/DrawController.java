package org.netsecweek.quiz.draw;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "draw", description = "Prize draws")
class DrawController {

	private final RequestDraw requestDraw;

	private final Draws draws;

	private final Campaigns campaigns;

	DrawController(RequestDraw requestDraw, Draws draws, Campaigns campaigns) {
		this.requestDraw = requestDraw;
		this.draws = draws;
		this.campaigns = campaigns;
	}

	@PostMapping("/api/draws")
	@Operation(summary = "Ask for the worker's n-th draw; the outcome follows (poll GET /api/draws/{drawId})",
			description = "drawNumber is the idempotency key: the page asks for drawsRequested + 1 from the balance; "
					+ "asking again for a number already requested (a double tap, a network retry) returns that "
					+ "draw with 200 and Idempotent-Replayed: true.")
	@ApiResponse(responseCode = "202", description = "Requested; status PENDING until lottery-service answers")
	@ApiResponse(responseCode = "200", description = "A repeat of an existing request")
	@ApiResponse(responseCode = "409", description = "No draw available, out of sequence, or campaign not open",
			content = @Content(mediaType = "application/problem+json"))
	Mono<ResponseEntity<WorkerDraw>> request(@AuthenticationPrincipal Jwt jwt,
			@RequestBody @Valid DrawRequest body) {
		return requestDraw.request(Caller.of(jwt).workerId(), body.drawNumber())
			.map(requested -> requested.created() ? ResponseEntity.accepted().body(requested.draw())
					: ResponseEntity.ok().header("Idempotent-Replayed", "true").body(requested.draw()));
	}

	@GetMapping("/api/draws")
	@Operation(summary = "The signed-in worker's draws in the running campaign")
	Mono<List<WorkerDraw>> mine(@AuthenticationPrincipal Jwt jwt) {
		return draws.all(campaigns.active().id(), Caller.of(jwt).workerId()).collectList();
	}

	@GetMapping("/api/draws/{drawId}")
	@Operation(summary = "One of the signed-in worker's draws")
	@ApiResponse(responseCode = "404", description = "No such draw of this worker",
			content = @Content(mediaType = "application/problem+json"))
	Mono<WorkerDraw> one(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID drawId) {
		return draws.byId(Caller.of(jwt).workerId(), drawId)
			.switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.NOT_FOUND,
					"unknown-draw", "抽奖记录不存在", "没有找到这次抽奖。")));
	}

	/**
	 * @param drawNumber the worker's n-th draw being asked for: the balance's drawsRequested + 1
	 */
	record DrawRequest(@NotNull @Min(1) @Max(1000) Integer drawNumber) {
	}

}
