package org.netsecweek.scoring.ledger;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review of held attempts: admins release them (booked, the note in the ledger's reason) or reject them. */
@RestController
@Tag(name = "review", description = "Attempts held for review")
class ReviewController {

	private final HeldAttempts held;

	private final Ledger ledger;

	private final Campaigns campaigns;

	private final TransactionalOperator transaction;

	ReviewController(HeldAttempts held, Ledger ledger, Campaigns campaigns, ReactiveTransactionManager transactions) {
		this.held = held;
		this.ledger = ledger;
		this.campaigns = campaigns;
		this.transaction = TransactionalOperator.create(transactions);
	}

	@GetMapping("/api/admin/review")
	@Operation(summary = "Attempts held for review, oldest first (a union admin sees their union's)")
	Mono<List<HeldAttempts.Held>> open(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String campaignId) {
		Caller caller = Caller.of(jwt);
		String campaign = campaigns.namedOrActive(campaignId).id();
		return held.open(campaign, caller.role() == Role.UNION_ADMIN ? caller.unionId() : null).collectList();
	}

	@PostMapping("/api/admin/review/{attemptId}/release")
	@Operation(summary = "Release a held attempt: its points are booked, with the reason in the ledger")
	@ApiResponse(responseCode = "409", description = "Not held, or already decided",
			content = @Content(mediaType = "application/problem+json"))
	Mono<Decision> release(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID attemptId,
			@RequestBody @Valid Reason reason) {
		return decide(Caller.of(jwt), attemptId, "RELEASED", reason.reason(),
				answer -> ledger.bookReleased(answer, reason.reason()));
	}

	@PostMapping("/api/admin/review/{attemptId}/reject")
	@Operation(summary = "Reject a held attempt: it is never booked")
	@ApiResponse(responseCode = "409", description = "Not held, or already decided",
			content = @Content(mediaType = "application/problem+json"))
	Mono<Decision> reject(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID attemptId,
			@RequestBody @Valid Reason reason) {
		return decide(Caller.of(jwt), attemptId, "REJECTED", reason.reason(), answer -> Mono.empty());
	}

	private Mono<Decision> decide(Caller caller, UUID attemptId, String decision, String why,
			java.util.function.Function<AnswerSubmitted, Mono<Void>> effect) {
		Mono<Decision> work = held.lockUndecided(attemptId)
			.switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.CONFLICT, "not-held", "无需复核",
					"该次答题不在待复核列表中，或已经处理过了。")))
			.flatMap(answer -> {
				if (!caller.mayAccessUnion(answer.unionId())) {
					return Mono.error(new DomainProblem(HttpStatus.FORBIDDEN, "other-union", "无权处理",
							"只能复核本工会职工的答题。"));
				}
				return effect.apply(answer).then(held.decide(attemptId, decision, caller.subject(), why));
			})
			.thenReturn(new Decision(attemptId, decision, caller.subject(), why));
		return transaction.transactional(work);
	}

	record Reason(@NotBlank(message = "请填写处理理由") @Size(max = 500) String reason) {
	}

	record Decision(UUID attemptId, String decision, String decidedBy, String reason) {
	}
}
