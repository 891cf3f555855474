package org.netsecweek.reporting.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.reporting.participation.Participation;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "progress", description = "Each union's progress against the allocation table")
class ProgressController {

	private final Participation participation;

	private final Campaigns campaigns;

	ProgressController(Participation participation, Campaigns campaigns) {
		this.participation = participation;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/admin/progress")
	@Operation(summary = "Organisations active and workers covered per union, against the targets; "
			+ "a union admin sees their own union only")
	Mono<Progress> progress(@RequestParam(required = false) String campaignId, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return Mono.fromSupplier(() -> campaignId == null ? campaigns.active() : campaigns.get(campaignId))
			.flatMap(campaign -> progress(campaign, caller));
	}

	private Mono<Progress> progress(CampaignDefinition campaign, Caller caller) {
		return participation.tallies(campaign.id())
			.map(tallies -> ProgressTable.of(campaign, tallies, caller::mayAccessUnion));
	}
}
