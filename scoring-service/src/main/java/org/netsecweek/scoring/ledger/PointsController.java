package org.netsecweek.scoring.ledger;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
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
		var worker = Caller.of(jwt).workerId();
		CampaignDefinition campaign = campaigns.active();
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
