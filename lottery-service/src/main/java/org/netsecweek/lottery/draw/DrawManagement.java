package org.netsecweek.lottery.draw;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.lottery.entitlement.Entitlement;
import org.netsecweek.lottery.entitlement.EntitlementListener;
import org.netsecweek.lottery.entitlement.Entitlements;
import org.netsecweek.lottery.fairness.FairnessSeeds;
import org.netsecweek.lottery.prize.CampaignDays;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;
import org.netsecweek.lottery.prize.Prizes;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Performs draws, always inside the caller's transaction and under the worker's entitlement lock, so a worker's
 * draws never exceed the draws earned however many requests and points arrive at once.
 * <p>
 * A request without an entitlement left is not refused at once: PointsAwarded and DrawRequested travel on
 * different topics, so the points that earned the draw may still be on their way. The request waits as pending;
 * recording an entitlement performs the worker's pending draws in request order, and the sweep rejects those
 * that waited too long. A request accepted while the campaign was open is performed even if its entitlement
 * arrives just after the last day ends.
 */
@Component
class DrawManagement implements EntitlementListener {

	private static final Logger log = LoggerFactory.getLogger(DrawManagement.class);

	private final Draws draws;

	private final DrawLog drawLog;

	private final Entitlements entitlements;

	private final Prizes prizes;

	private final FairnessSeeds seeds;

	private final Campaigns campaigns;

	private final Outbox outbox;

	private final DrawMetrics metrics;

	private final Clock clock;

	private final DrawSettings settings;

	private final RedemptionCodes codes;

	DrawManagement(Draws draws, DrawLog drawLog, Entitlements entitlements, Prizes prizes, FairnessSeeds seeds,
			Campaigns campaigns, Outbox outbox, DrawMetrics metrics, Clock clock, DrawSettings settings,
			RedemptionCodes codes) {
		this.codes = codes;
		this.draws = draws;
		this.drawLog = drawLog;
		this.entitlements = entitlements;
		this.prizes = prizes;
		this.seeds = seeds;
		this.campaigns = campaigns;
		this.outbox = outbox;
		this.metrics = metrics;
		this.clock = clock;
		this.settings = settings;
	}

	/** Takes a request: rejected when the campaign is not open today, otherwise queued and performed if it can be. */
	Mono<Void> request(DrawRequested request) {
		Instant now = clock.instant();
		Draw draw = Draw.requested(request, now);
		if (!isOpen(request.campaignId(), now)) {
			Draw rejected = draw.rejected(Draw.CAMPAIGN_CLOSED, now);
			return draws.insert(rejected).flatMap(inserted -> inserted ? announce(rejected) : Mono.empty());
		}
		return entitlements.lock(request.campaignId(), request.workerId())
			.flatMap(locked -> draws.insert(draw)
				.flatMap(inserted -> inserted ? performPending(locked) : Mono.empty()));
	}

	@Override
	public Mono<Void> entitlementRecorded(Entitlement locked) {
		return performPending(locked);
	}

	/** Rejects a draw that waited too long for an entitlement, unless something finished it meanwhile. */
	Mono<Boolean> rejectIfStillPending(Draw candidate) {
		return entitlements.lock(candidate.campaignId(), candidate.workerId())
			.then(draws.find(candidate.drawId()))
			.filter(Draw::isPending)
			.flatMap(draw -> complete(draw.rejected(Draw.NO_ENTITLEMENT, clock.instant())).thenReturn(true))
			.defaultIfEmpty(false);
	}

	/** Performs the worker's pending draws in request order while draws are left; the caller holds the lock. */
	private Mono<Void> performPending(Entitlement locked) {
		if (!locked.hasDrawLeft()) {
			return Mono.empty();
		}
		return draws.pending(locked.campaignId(), locked.workerId(), locked.drawsLeft())
			.concatMap(draw -> atPrizeCap(locked).flatMap(capped -> capped
					? complete(draw.rejected(Draw.PRIZE_CAP_REACHED, clock.instant()))
					: entitlements.useOne(locked).then(perform(draw))))
			.then();
	}

	/** Whether the worker has won as many prizes as one may; the caller holds the worker's lock. */
	private Mono<Boolean> atPrizeCap(Entitlement locked) {
		if (settings.prizeCapPerWorker() == 0) {
			return Mono.just(false);
		}
		return draws.prizesWon(locked.campaignId(), locked.workerId()).map(won -> won >= settings.prizeCapPerWorker());
	}

	/**
	 * Performs a draw under the campaign's chain lock: on the campaign day it is performed on (never before the last
	 * logged one), mapped onto the pool and what it has available that day, a unit taken, a redemption code for a
	 * prize, and the entry appended to the log.
	 */
	private Mono<Void> perform(Draw draw) {
		return seeds.seedOf(draw.campaignId()).flatMap(seed -> {
			byte[] hmac = seed.hmac(draw.drawId());
			return drawLog.lockHead(draw.campaignId()).flatMap(head -> {
				int day = Math.max(Math.max(head.lastDay(), 1), campaigns.find(draw.campaignId())
					.map(campaign -> CampaignDays.dayOf(campaign, clock.instant()))
					.orElse(1));
				return prizes.pool(draw.campaignId())
					.flatMap(pool -> take(pool, PrizeSelection.select(hmac, pool, day), day))
					.flatMap(prize -> log(draw, seed.commitment(), HexFormat.of().formatHex(hmac), head, day,
							prize.orElse(null)));
			});
		}).flatMap(this::complete);
	}

	/**
	 * Takes a unit of the selected prize. Under the chain lock the stock cannot have changed since it was read, so
	 * the guard never refuses in practice; if it ever did, the draw lands on no prize rather than overdrawing.
	 */
	private Mono<Optional<Prize>> take(PrizePool pool, Optional<Prize> selected, int day) {
		if (selected.isEmpty()) {
			return Mono.just(selected);
		}
		return prizes.takeOne(pool.campaignId(), selected.get().id(), pool.released(selected.get(), day))
			.map(taken -> taken ? selected : Optional.<Prize>empty());
	}

	private Mono<Draw> log(Draw draw, String seedCommitment, String hmac, DrawLog.Head head, int day, Prize prize) {
		Instant now = clock.instant();
		var entry = new DrawLog.Entry(draw.drawId(), draw.workerId(), hmac,
				prize == null ? DrawOutcome.NO_PRIZE : DrawOutcome.PRIZE, prize == null ? null : prize.id(), day);
		return drawLog.append(head, entry, now)
			.map(hash -> draw.performed(prize, prize == null ? null : codes.next(),
					new Draw.Proof(seedCommitment, hmac, hash), now));
	}

	private Mono<Void> complete(Draw finished) {
		return draws.complete(finished).then(Mono.defer(() -> announce(finished)));
	}

	private Mono<Void> announce(Draw finished) {
		log.debug("Draw {} of worker {} in {}: {} {}", finished.drawId(), finished.workerId(), finished.campaignId(),
				finished.outcome(), finished.prizeId() != null ? finished.prizeId() : finished.rejectionReason());
		return outbox.append(finished.completed()).then(metrics.countOnCommit(finished.outcome()));
	}

	private boolean isOpen(String campaignId, Instant now) {
		return campaigns.find(campaignId).map(campaign -> campaign.isOpenOn(campaign.dayOf(now))).orElse(false);
	}
}
