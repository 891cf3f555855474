package org.netsecweek.lottery.draw;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.lottery.fairness.FairnessSeeds;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public once the campaign's seed is revealed (409 {@code seed-not-revealed} before): the draw log, for anyone to
 * verify with {@link VerifyDraws}, and the service's own verification of it.
 */
@RestController
@Tag(name = "fairness")
class DrawLogController {

	private final DrawLogExports exports;

	private final FairnessSeeds seeds;

	private final Campaigns campaigns;

	DrawLogController(DrawLogExports exports, FairnessSeeds seeds, Campaigns campaigns) {
		this.exports = exports;
		this.seeds = seeds;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/fairness/{campaignId}/log")
	@Operation(summary = "The campaign's hash-chained draw log with its pool and starting stock, after the reveal")
	Mono<DrawLogExport> log(@PathVariable String campaignId) {
		CampaignDefinition campaign = campaigns.get(campaignId);
		return seeds.revealedSeedOf(campaign).then(exports.export(campaign.id()));
	}

	@GetMapping("/api/fairness/{campaignId}/verification")
	@Operation(summary = "Every draw of the campaign recomputed from the log and the revealed seed; every mismatch")
	Mono<DrawVerification.Result> verification(@PathVariable String campaignId) {
		CampaignDefinition campaign = campaigns.get(campaignId);
		return seeds.revealedSeedOf(campaign)
			.flatMap(seed -> exports.export(campaign.id()).map(log -> DrawVerification.verify(log, seed)));
	}
}
