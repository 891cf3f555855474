package org.netsecweek.lottery.prize;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.Campaigns;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "prizes", description = "Prize pools and the inventory left")
class PrizeController {

	private final Prizes prizes;

	private final Campaigns campaigns;

	PrizeController(Prizes prizes, Campaigns campaigns) {
		this.prizes = prizes;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/admin/prizes")
	@Operation(summary = "A campaign's prizes with their stock left (the running campaign unless one is named)")
	Mono<PrizePool> prizes(@RequestParam(required = false) String campaignId) {
		String campaign = campaignId == null ? campaigns.active().id() : campaigns.get(campaignId).id();
		return prizes.pool(campaign);
	}
}
