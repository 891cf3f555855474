package org.netsecweek.scoring.ledger;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "points", description = "A worker's points and where they came from")
class PointsController {

	private final Ledger ledger;

	private final Campaigns campaigns;

	PointsController(Ledger ledger, Campaigns campaigns) {
		this.ledger = ledger;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/points/me")
	@Operation(summary = "The signed-in worker's total, draws earned and ledger in the running campaign")
	Mono<Points> mine(@AuthenticationPrincipal Jwt jwt) {
		return points(campaigns.active(), Caller.of(jwt).workerId());
	}

	@GetMapping("/api/admin/points/{workerId}")
	@Operation(summary = "A worker's total, draws earned and ledger (the running campaign unless one is named), for "
			+ "the staff console's review page; a union admin sees only their union's workers")
	@ApiResponse(responseCode = "403", description = "other-union: another union's worker",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "no-points: nothing booked for the worker yet",
			content = @Content(mediaType = "application/problem+json"))
	Mono<Points> workers(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID workerId,
			@RequestParam(required = false) String campaignId) {
		Caller caller = Caller.of(jwt);
		CampaignDefinition campaign = campaigns.namedOrActive(campaignId);
		return ledger.unionOf(campaign.id(), workerId)
			.switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.NOT_FOUND, "no-points", "暂无积分记录",
					"该职工在本次活动中还没有记入任何积分；请核对职工编号，或等待其答题被计分后再查。")))
			.flatMap(union -> caller.mayAccessUnion(union.orElse(null)) ? points(campaign, workerId)
					: Mono.error(new DomainProblem(HttpStatus.FORBIDDEN, "other-union", "无权查看",
							"只能查看本工会职工的积分明细。")));
	}

	private Mono<Points> points(CampaignDefinition campaign, UUID worker) {
		return ledger.entries(campaign.id(), worker)
			.collectList()
			.zipWith(ledger.total(campaign.id(), worker))
			.map(both -> new Points(campaign.id(), both.getT2(), campaign.rules().drawsEarned(both.getT2()),
					both.getT1()));
	}

	/**
	 * @param total the sum of the entries' points
	 * @param drawsEarned draws earned so far (not counting those already used)
	 */
	record Points(String campaignId, int total, int drawsEarned, List<LedgerEntry> entries) {
	}
}
