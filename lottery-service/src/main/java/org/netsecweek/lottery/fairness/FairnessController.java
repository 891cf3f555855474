package org.netsecweek.lottery.fairness;

import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: anyone may fetch a campaign's commitment before the draws, and once the campaign is over the seed itself,
 * to check the commitment and recompute every draw ({@code /api/fairness/{campaignId}/log} and
 * {@code /verification}).
 */
@RestController
@Tag(name = "fairness", description = "Seed commitments that make the draws verifiable")
class FairnessController {

	static final String HOW_TO_VERIFY = "活动结束（最后一天结束，按活动时区）后公布种子及抽奖记录。SHA-256(种子) 应等于本承诺值；每次抽奖的随机数为 "
			+ "HMAC-SHA256(种子, 抽奖编号的16字节)，取前8字节（无符号整数）对总权重取余，依次落在“谢谢参与”和各奖品的权重区间上。"
			+ "奖品按发放方式逐日投放（未抽出的顺延），抽奖当天（活动第几天记入抽奖记录）可抽出的数量 = 截至当天投放数 − 已抽出数；"
			+ "DRAW_AGAIN 时只计当天仍可抽出的奖品，NO_PRIZE 时计全部奖品、落在当天已无可抽出数量的奖品上即为“谢谢参与”。";

	private final FairnessSeeds seeds;

	private final Campaigns campaigns;

	FairnessController(FairnessSeeds seeds, Campaigns campaigns) {
		this.seeds = seeds;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/fairness/{campaignId}")
	@Operation(summary = "The campaign's seed commitment (hex SHA-256 of its secret seed), how draws derive from it, "
			+ "and the seed itself once the campaign is over")
	Mono<Commitment> commitment(@PathVariable String campaignId) {
		CampaignDefinition campaign = campaigns.get(campaignId);
		boolean revealed = seeds.isRevealed(campaign);
		return seeds.seedOf(campaign.id())
			.map(seed -> new Commitment(campaign.id(), seed.commitment(), HOW_TO_VERIFY,
					FairnessSeeds.revealsAt(campaign), revealed ? HexFormat.of().formatHex(seed.secret()) : null));
	}

	/**
	 * @param seedCommitment hex SHA-256 of the campaign's secret seed; every DrawCompleted carries it too
	 * @param howToVerify how a draw is computed from the seed, for whoever checks it
	 * @param revealsAt when the seed is revealed: the end of the campaign's last day in its time zone
	 * @param seed the hex seed once revealed; absent before
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Commitment(String campaignId, String seedCommitment, String howToVerify, Instant revealsAt, String seed) {
	}
}
