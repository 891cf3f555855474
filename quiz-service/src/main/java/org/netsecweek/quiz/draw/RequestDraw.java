package org.netsecweek.quiz.draw;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.quiz.balance.Balance;
import org.netsecweek.quiz.balance.Balances;
import org.netsecweek.quiz.paper.CampaignDay;
import org.netsecweek.quiz.paper.Papers;
import org.netsecweek.quiz.worker.Worker;
import org.netsecweek.quiz.worker.Workers;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asks lottery-service for the worker's n-th draw. The draw number is the idempotency key: asking for draw n
 * again, or two taps racing for it, return the one stored request. The draw id is derived from the
 * campaign, the worker and n, so it is the same wherever it is computed. lottery-service decides; this check only
 * spares a request that cannot succeed.
 */
@Component
class RequestDraw {

	private final Papers papers;

	private final Workers workers;

	private final Balances balances;

	private final Draws draws;

	private final Clock clock;

	RequestDraw(Papers papers, Workers workers, Balances balances, Draws draws, Clock clock) {
		this.papers = papers;
		this.workers = workers;
		this.balances = balances;
		this.draws = draws;
		this.clock = clock;
	}

	/** Emits the draw and whether this call created it ({@code false}: a repeat). */
	Mono<Requested> request(UUID workerId, int number) {
		return Mono.fromCallable(papers::today)
			.flatMap(day -> Mono.zip(workers.get(workerId), balances.find(day.campaignId(), workerId))
				.flatMap(found -> {
					Worker worker = found.getT1();
					Balance balance = found.getT2();
					int next = balance.drawsRequested() + 1;
					if (number < next) {
						return existing(day, workerId, number);
					}
					if (number > next) {
						return Mono.error(new DomainProblem(HttpStatus.CONFLICT, "draw-out-of-sequence", "抽奖序号不对",
								"下一次抽奖是第" + next + "次，请刷新页面后重试。"));
					}
					if (number > balance.drawsEarned()) {
						return Mono.error(new NoDrawAvailable(day.campaign().rules().pointsPerDraw()));
					}
					return create(day, worker, number);
				}));
	}

	private Mono<Requested> create(CampaignDay day, Worker worker, int number) {
		UUID drawId = drawId(day.campaignId(), worker.id(), number);
		WorkerDraw draw = new WorkerDraw(drawId, number, WorkerDraw.PENDING, null, null, null, clock.instant(), null,
				null);
		DrawRequested event = new DrawRequested(UUID.randomUUID(), clock.instant(), day.campaignId(),
				DrawRequested.SCHEMA_VERSION, worker.id(), drawId, number, worker.unionId(), worker.orgId());
		return draws.add(day.campaignId(), worker.id(), draw, event)
			.flatMap(stored -> stored ? Mono.just(new Requested(draw, true)) : existing(day, worker.id(), number));
	}

	private Mono<Requested> existing(CampaignDay day, UUID worker, int number) {
		return draws.byNumber(day.campaignId(), worker, number).map(draw -> new Requested(draw, false));
	}

	static UUID drawId(String campaignId, UUID worker, int number) {
		return UUID.nameUUIDFromBytes(("draw|" + campaignId + "|" + worker + "|" + number)
			.getBytes(StandardCharsets.UTF_8));
	}

	record Requested(WorkerDraw draw, boolean created) {
	}
}
