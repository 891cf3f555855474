package org.netsecweek.lottery.fairness;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.Campaigns;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public: anyone may fetch a campaign's commitment before the draws, to check them once the seed is revealed. */
@RestController
@Tag(name = "fairness", description = "Seed commitments that make the draws verifiable")
class FairnessController {

	static final String HOW_TO_VERIFY = "活动结束后公布种子。SHA-256(种子) 应等于本承诺值；每次抽奖的随机数为 "
			+ "HMAC-SHA256(种子, 抽奖编号的16字节)，取前8字节（无符号整数）对总权重取余，依次落在“谢谢参与”和仍有库存的奖品的权重区间上。";

	private final FairnessSeeds seeds;

	private final Campaigns campaigns;

	FairnessController(FairnessSeeds seeds, Campaigns campaigns) {
		this.seeds = seeds;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/fairness/{campaignId}")
	@Operation(summary = "The campaign's seed commitment (hex SHA-256 of its secret seed) and how draws derive from it")
	Mono<Commitment> commitment(@PathVariable String campaignId) {
		String campaign = campaigns.get(campaignId).id();
		return seeds.seedOf(campaign).map(seed -> new Commitment(campaign, seed.commitment(), HOW_TO_VERIFY));
	}

	/**
	 * @param seedCommitment hex SHA-256 of the campaign's secret seed; every DrawCompleted carries it too
	 * @param howToVerify how a draw is computed from the seed, for whoever checks it
	 */
	record Commitment(String campaignId, String seedCommitment, String howToVerify) {
	}
}
