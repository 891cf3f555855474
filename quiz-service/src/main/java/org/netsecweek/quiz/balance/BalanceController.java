package org.netsecweek.quiz.balance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "balance", description = "A worker's points and draws")
class BalanceController {

	private final Balances balances;

	private final Campaigns campaigns;

	BalanceController(Balances balances, Campaigns campaigns) {
		this.balances = balances;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/balance")
	@Operation(summary = "The signed-in worker's points, draws earned, requested and available")
	Mono<View> mine(@AuthenticationPrincipal Jwt jwt) {
		return balances.find(campaigns.active().id(), Caller.of(jwt).workerId())
			.map(b -> new View(b.campaignId(), b.total(), b.drawsEarned(), b.drawsRequested(), b.drawsAvailable(),
					campaigns.active().rules().pointsPerDraw(), b.pointsProcessing(), b.drawsPending()));
	}

	/**
	 * @param pointsPerDraw points that earn one draw, to show progress towards the next one
	 * @param pointsProcessing an answered paper's points are still being booked (show "积分结算中")
	 * @param drawsPending draws whose outcome is still to come
	 */
	record View(String campaignId, int total, int drawsEarned, int drawsRequested, int drawsAvailable,
			int pointsPerDraw, boolean pointsProcessing, int drawsPending) {
	}
}
