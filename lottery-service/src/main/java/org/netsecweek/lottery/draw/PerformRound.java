package org.netsecweek.lottery.draw;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.netsecweek.lottery.entitlement.Entitlement;
import org.netsecweek.lottery.fairness.FairnessSeeds;
import org.netsecweek.lottery.prize.CampaignDays;
import org.netsecweek.lottery.prize.Prizes;
import org.netsecweek.platform.campaign.Campaigns;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/**
 * Performs a round of draws of one campaign in the caller's transaction, which holds the draws' workers'
 * entitlement locks: the chain locked once, the pool read once, the round decided in memory ({@link DrawRound}) and
 * written with a statement per table.
 */
@Component
class PerformRound {

	private final FairnessSeeds seeds;

	private final DrawLog drawLog;

	private final Prizes prizes;

	private final Campaigns campaigns;

	private final RedemptionCodes codes;

	private final DrawSettings settings;

	private final Clock clock;

	PerformRound(FairnessSeeds seeds, DrawLog drawLog, Prizes prizes, Campaigns campaigns, RedemptionCodes codes,
			DrawSettings settings, Clock clock) {
		this.seeds = seeds;
		this.drawLog = drawLog;
		this.prizes = prizes;
		this.campaigns = campaigns;
		this.codes = codes;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Performs draws of one campaign under one lock of its chain: on the campaign day they are performed on (never
	 * before the last logged one), each mapped onto the pool and what its predecessors left available that day,
	 * units taken, a redemption code for each prize, the entries appended to the log. Emits the finished draws.
	 */
	Flux<Draw> perform(List<Draw> pending, Map<Entitlement.Key, Long> prizesWon) {
		String campaignId = pending.get(0).campaignId();
		Map<UUID, Long> won = new HashMap<>();
		prizesWon.forEach((worker, n) -> won.put(worker.workerId(), n));
		return seeds.seedOf(campaignId).flatMapMany(seed -> drawLog.lockHead(campaignId).flatMapMany(head -> {
			int day = Math.max(Math.max(head.lastDay(), 1), campaigns.find(campaignId)
				.map(campaign -> CampaignDays.dayOf(campaign, clock.instant()))
				.orElse(1));
			return prizes.pool(campaignId).flatMapMany(pool -> {
				DrawRound round = DrawRound.of(pool, day, pending, won, settings.prizeCapPerWorker(), seed::hmac);
				Instant now = clock.instant();
				return prizes.take(campaignId, round.units())
					.then(drawLog.append(head, round.entries(), now))
					.flatMapIterable(hashes -> {
						List<Draw> finished = new ArrayList<>();
						round.capped().forEach(draw -> finished.add(draw.rejected(Draw.PRIZE_CAP_REACHED, now)));
						for (int i = 0; i < hashes.size(); i++) {
							DrawRound.Performed done = round.performed().get(i);
							finished.add(done.draw().performed(done.prize(), done.prize() == null ? null : codes.next(),
									new Draw.Proof(seed.commitment(), done.entry().drawHmac(), hashes.get(i)), now));
						}
						return finished;
					});
			});
		}));
	}
}
