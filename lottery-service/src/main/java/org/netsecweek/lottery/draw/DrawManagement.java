package org.netsecweek.lottery.draw;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.lottery.entitlement.Entitlement;
import org.netsecweek.lottery.entitlement.EntitlementListener;
import org.netsecweek.lottery.entitlement.Entitlements;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
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

	private final PerformRound rounds;

	private final Entitlements entitlements;

	private final Campaigns campaigns;

	private final Outbox outbox;

	private final DrawMetrics metrics;

	private final Clock clock;

	private final DrawSettings settings;

	DrawManagement(Draws draws, PerformRound rounds, Entitlements entitlements, Campaigns campaigns, Outbox outbox,
			DrawMetrics metrics, Clock clock, DrawSettings settings) {
		this.draws = draws;
		this.rounds = rounds;
		this.entitlements = entitlements;
		this.campaigns = campaigns;
		this.outbox = outbox;
		this.metrics = metrics;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Takes requests, each draw id once (the first of a batch that repeats one; a draw id already stored has no
	 * effect): rejected when the campaign is not open today, otherwise queued behind the worker's pending draws, and
	 * performed as far as the worker's entitlement goes. The workers' entitlements are locked first (in key order),
	 * then each campaign's chain once for all its draws; a new draw is stored once, already decided.
	 */
	Mono<Void> request(List<DrawRequested> requests) {
		Instant now = clock.instant();
		Map<UUID, Draw> byId = new LinkedHashMap<>();
		requests.forEach(request -> byId.putIfAbsent(request.drawId(), Draw.requested(request, now)));
		List<Draw> batch = byId.values()
			.stream()
			.map(draw -> isOpen(draw.campaignId(), now) ? draw : draw.rejected(Draw.CAMPAIGN_CLOSED, now))
			.toList();
		Set<Entitlement.Key> workers = new LinkedHashSet<>();
		batch.stream().filter(Draw::isPending).forEach(draw -> workers.add(draw.key()));
		Mono<Map<Entitlement.Key, Entitlement>> locked = workers.isEmpty() ? Mono.just(Map.of())
				: entitlements.lockAll(workers);
		return locked.flatMap(entitled -> draws.knownOrPending(byId.keySet(), workers).collectList().flatMap(found -> {
			Set<UUID> known = new HashSet<>();
			found.forEach(draw -> known.add(draw.drawId()));
			List<Draw> fresh = batch.stream().filter(draw -> !known.contains(draw.drawId())).toList();
			List<Draw> waiting = new ArrayList<>(found.stream()
				.filter(Draw::isPending)
				.toList());
			fresh.stream().filter(Draw::isPending).forEach(waiting::add);
			Set<Entitlement.Key> queued = new LinkedHashSet<>();
			fresh.stream().filter(Draw::isPending).forEach(draw -> queued.add(draw.key()));
			return settle(queued.stream().map(entitled::get).toList(), waiting, fresh);
		}));
	}

	@Override
	public Mono<Void> entitlementsRecorded(List<Entitlement> locked) {
		List<Entitlement> withDrawsLeft = locked.stream().filter(Entitlement::hasDrawLeft).toList();
		if (withDrawsLeft.isEmpty()) {
			return Mono.empty();
		}
		return draws.knownOrPending(Set.of(), withDrawsLeft.stream().map(Entitlement::key).toList())
			.collectList()
			.flatMap(waiting -> waiting.isEmpty() ? Mono.empty() : settle(withDrawsLeft, waiting, List.of()));
	}

	/** Rejects a draw that waited too long for an entitlement, unless something finished it meanwhile. */
	Mono<Boolean> rejectIfStillPending(Draw candidate) {
		return entitlements.lock(candidate.campaignId(), candidate.workerId())
			.then(draws.find(candidate.drawId()))
			.filter(Draw::isPending)
			.flatMap(draw -> record(List.of(), List.of(draw.rejected(Draw.NO_ENTITLEMENT, clock.instant())))
				.thenReturn(true))
			.defaultIfEmpty(false);
	}

	/**
	 * Performs the waiting draws of the locked workers, each worker's in request order and as many as it has draws
	 * left, the workers in the order given; then stores the fresh draws (decided, or pending when no draw was left)
	 * and completes the older ones it performed.
	 */
	private Mono<Void> settle(List<Entitlement> locked, List<Draw> waiting, List<Draw> fresh) {
		Map<Entitlement.Key, List<Draw>> byWorker = new HashMap<>();
		waiting.forEach(draw -> byWorker.computeIfAbsent(draw.key(), k -> new ArrayList<>()).add(draw));
		Map<String, List<Draw>> byCampaign = new TreeMap<>();
		for (Entitlement entitlement : locked) {
			byWorker.getOrDefault(entitlement.key(), List.of())
				.stream()
				.sorted(Draw.REQUEST_ORDER)
				.limit(Math.max(entitlement.drawsLeft(), 0))
				.forEach(draw -> byCampaign.computeIfAbsent(draw.campaignId(), c -> new ArrayList<>()).add(draw));
		}
		Set<Entitlement.Key> drawing = new LinkedHashSet<>();
		byCampaign.values().forEach(list -> list.forEach(draw -> drawing.add(draw.key())));
		Mono<Map<Entitlement.Key, Long>> won = settings.prizeCapPerWorker() == 0 || drawing.isEmpty()
				? Mono.just(Map.of()) : draws.prizesWon(drawing);
		return won.flatMapMany(prizesWon -> Flux.fromIterable(byCampaign.values())
				.concatMap(campaignDraws -> rounds.perform(campaignDraws, prizesWon)))
			.collectMap(Draw::drawId)
			.flatMap(finished -> {
				List<Draw> stored = fresh.stream().map(draw -> finished.getOrDefault(draw.drawId(), draw)).toList();
				Set<UUID> freshIds = new HashSet<>();
				fresh.forEach(draw -> freshIds.add(draw.drawId()));
				List<Draw> completed = finished.values().stream().filter(d -> !freshIds.contains(d.drawId())).toList();
				return record(stored, completed);
			});
	}

	/**
	 * Stores new draws, completes older pending ones, uses an entitlement per draw performed and announces every
	 * draw that ended.
	 */
	private Mono<Void> record(List<Draw> stored, List<Draw> completed) {
		Map<Entitlement.Key, Integer> used = new LinkedHashMap<>();
		List<Draw> ended = new ArrayList<>();
		for (List<Draw> list : List.of(stored, completed)) {
			list.stream().filter(draw -> !draw.isPending()).forEach(ended::add);
		}
		ended.stream()
			.filter(draw -> draw.outcome() != DrawOutcome.REJECTED)
			.forEach(draw -> used.merge(draw.key(), 1, Integer::sum));
		return draws.insert(stored)
			.then(draws.complete(completed))
			.then(entitlements.use(used))
			.then(Mono.defer(() -> announce(ended)));
	}

	private Mono<Void> announce(List<Draw> finished) {
		if (finished.isEmpty()) {
			return Mono.empty();
		}
		finished.forEach(draw -> log.debug("Draw {} of worker {} in {}: {} {}", draw.drawId(), draw.workerId(),
				draw.campaignId(), draw.outcome(), draw.prizeId() != null ? draw.prizeId() : draw.rejectionReason()));
		return outbox.appendAll(finished.stream().map(Draw::completed).toList())
			.then(metrics.countOnCommit(finished.stream().map(Draw::outcome).toList()));
	}

	private boolean isOpen(String campaignId, Instant now) {
		return campaigns.find(campaignId).map(campaign -> campaign.isOpenOn(campaign.dayOf(now))).orElse(false);
	}
}
