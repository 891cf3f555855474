package org.netsecweek.scoring.adjustment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.outbox.Outbox;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.tracing.InRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Adjustments in the ledger. Each one locks the worker's total, checks the result against the points already spent
 * on draws, writes an ADJUSTMENT entry with who and why, moves the total and its sequence, and announces the new
 * total through the outbox, all in one transaction.
 */
@Component
class Adjustments {

	private static final Logger log = LoggerFactory.getLogger(Adjustments.class);

	private static final String COLUMNS = "e.adjustment_id, e.campaign_id, e.worker_id, t.union_id, e.points, "
			+ "e.total_after, e.reason, e.made_by, e.booked_at";

	private final DatabaseClient db;

	private final Outbox outbox;

	private final Clock clock;

	private final MeterRegistry meters;

	private final TransactionalOperator transaction;

	Adjustments(DatabaseClient db, Outbox outbox, Clock clock, MeterRegistry meters,
			ReactiveTransactionManager transactions) {
		this.db = db;
		this.outbox = outbox;
		this.clock = clock;
		this.meters = meters;
		this.transaction = TransactionalOperator.create(transactions);
	}

	/**
	 * Makes an adjustment, or answers with the first result when {@code adjustmentId} was used before for the same
	 * worker and points (another worker or figure under the same id is a conflict).
	 */
	Mono<Made> make(CampaignDefinition campaign, Caller caller, UUID adjustmentId, UUID workerId, int points,
			String reason) {
		Mono<Made> work = find(adjustmentId, campaign.rules().pointsPerDraw())
			.map(earlier -> new Made(sameRequest(caller, earlier, campaign.id(), workerId, points), false))
			.switchIfEmpty(Mono.defer(() -> lockTotal(campaign.id(), workerId)
				.switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.NOT_FOUND, "no-points-yet", "没有积分记录",
						"该职工在本次活动中还没有积分记录，无法调整。")))
				.flatMap(total -> {
					if (!caller.mayAccessUnion(total.unionId())) {
						return Mono.error(new DomainProblem(HttpStatus.FORBIDDEN, "other-union", "无权调整",
								"只能调整本工会职工的积分。"));
					}
					return check(campaign, total, points)
						.then(apply(campaign, caller, adjustmentId, total, points, reason))
						.map(adjustment -> new Made(adjustment, true));
				})));
		return transaction.transactional(work);
	}

	/** The adjustments of a campaign, newest first; one worker's, one union's or all. */
	Flux<Adjustment> list(String campaignId, UUID workerId, String unionId, int pointsPerDraw) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_entry e JOIN points_total t ON t.campaign_id = e.campaign_id "
				+ "AND t.worker_id = e.worker_id WHERE e.kind = 'ADJUSTMENT' AND e.campaign_id = :campaign "
				+ "AND (CAST(:worker AS uuid) IS NULL OR e.worker_id = :worker) "
				+ "AND (CAST(:union AS text) IS NULL OR t.union_id = :union) ORDER BY e.id DESC LIMIT 1000")
			.bind("campaign", campaignId)
			.bind("worker", org.springframework.r2dbc.core.Parameter.fromOrEmpty(workerId, UUID.class))
			.bind("union", org.springframework.r2dbc.core.Parameter.fromOrEmpty(unionId, String.class))
			.map(row -> adjustment(row, pointsPerDraw))
			.all();
	}

	Mono<Void> drawSpent(String campaignId, UUID workerId, UUID drawId) {
		return db.sql("INSERT INTO draw_spent (draw_id, campaign_id, worker_id) VALUES (:draw, :campaign, :worker) "
				+ "ON CONFLICT DO NOTHING")
			.bind("draw", drawId)
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.then();
	}

	private Mono<Total> lockTotal(String campaignId, UUID workerId) {
		return db.sql("SELECT t.total, t.sequence, t.union_id, (SELECT count(*) FROM draw_spent d "
				+ "WHERE d.campaign_id = t.campaign_id AND d.worker_id = t.worker_id) AS draws_spent "
				+ "FROM points_total t WHERE t.campaign_id = :campaign AND t.worker_id = :worker FOR UPDATE OF t")
			.bind("campaign", campaignId)
			.bind("worker", workerId)
			.map(row -> new Total(campaignId, workerId, row.get("total", Integer.class), row.get("sequence", Long.class),
					row.get("union_id", String.class), row.get("draws_spent", Long.class).intValue()))
			.one();
	}

	private static Mono<Void> check(CampaignDefinition campaign, Total total, int points) {
		int after = total.points() + points;
		int spent = total.drawsSpent() * campaign.rules().pointsPerDraw();
		if (after < spent) {
			return Mono.error(new DomainProblem(HttpStatus.CONFLICT, "below-points-spent", "积分不能低于已用于抽奖的积分",
					"调整后积分为 " + after + " 分，低于该职工已用于抽奖的 " + spent + " 分（已抽奖 " + total.drawsSpent()
							+ " 次，每次 " + campaign.rules().pointsPerDraw() + " 分）。",
					java.util.Map.of("totalBefore", total.points(), "pointsSpent", spent)));
		}
		return Mono.empty();
	}

	private Mono<Adjustment> apply(CampaignDefinition campaign, Caller caller, UUID adjustmentId, Total total,
			int points, String reason) {
		Instant now = clock.instant();
		int after = total.points() + points;
		long sequence = total.sequence() + 1;
		int drawsEarned = campaign.rules().drawsEarned(after);
		return InRequest.logAfter(db.sql("INSERT INTO ledger_entry (kind, campaign_id, worker_id, adjustment_id, campaign_day, points, "
				+ "reason, made_by, total_after, sequence, booked_at) VALUES ('ADJUSTMENT', :campaign, :worker, "
				+ ":adjustment, :day, :points, :reason, :by, :after, :sequence, :now)")
			.bind("campaign", campaign.id())
			.bind("worker", total.workerId())
			.bind("adjustment", adjustmentId)
			.bind("day", campaign.dayOf(now))
			.bind("points", points)
			.bind("reason", "管理员调整：" + reason)
			.bind("by", caller.subject())
			.bind("after", after)
			.bind("sequence", sequence)
			.bind("now", now)
			.then()
			.then(db.sql("UPDATE points_total SET total = :after, sequence = :sequence, updated_at = now() "
					+ "WHERE campaign_id = :campaign AND worker_id = :worker")
				.bind("after", after)
				.bind("sequence", sequence)
				.bind("campaign", campaign.id())
				.bind("worker", total.workerId())
				.then())
			.then(outbox.append(new PointsAwarded(UUID.randomUUID(), now, campaign.id(), PointsAwarded.SCHEMA_VERSION,
					total.workerId(), null, campaign.dayOf(now), points, after, drawsEarned, sequence, adjustmentId))),
					done -> {
				meters.counter("points.adjusted", "campaign", campaign.id(), "direction", points > 0 ? "up" : "down")
					.increment(Math.abs(points));
				log.info("Adjustment {} by {}: {} points for worker {} in {}", adjustmentId, caller.subject(), points,
						total.workerId(), campaign.id());
			})
			.thenReturn(new Adjustment(adjustmentId, campaign.id(), total.workerId(), total.unionId(), points, after,
					drawsEarned, "管理员调整：" + reason, caller.subject(), now));
	}

	private Mono<Adjustment> find(UUID adjustmentId, int pointsPerDraw) {
		return db.sql("SELECT " + COLUMNS + " FROM ledger_entry e JOIN points_total t ON t.campaign_id = e.campaign_id "
				+ "AND t.worker_id = e.worker_id WHERE e.adjustment_id = :adjustment")
			.bind("adjustment", adjustmentId)
			.map(row -> adjustment(row, pointsPerDraw))
			.one();
	}

	private static Adjustment sameRequest(Caller caller, Adjustment earlier, String campaignId, UUID workerId,
			int points) {
		if (!caller.mayAccessUnion(earlier.unionId())) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "other-union", "无权调整", "只能调整本工会职工的积分。");
		}
		if (!earlier.campaignId().equals(campaignId) || !earlier.workerId().equals(workerId)
				|| earlier.points() != points) {
			throw new DomainProblem(HttpStatus.CONFLICT, "adjustment-id-reused", "调整编号已被使用",
					"这个调整编号（adjustmentId）已用于另一笔调整；新的调整请使用新的编号。");
		}
		return earlier;
	}

	private static Adjustment adjustment(Readable row, int pointsPerDraw) {
		int after = row.get("total_after", Integer.class);
		return new Adjustment(row.get("adjustment_id", UUID.class), row.get("campaign_id", String.class),
				row.get("worker_id", UUID.class), row.get("union_id", String.class), row.get("points", Integer.class),
				after, after / pointsPerDraw, row.get("reason", String.class), row.get("made_by", String.class),
				row.get("booked_at", Instant.class));
	}

	/** The adjustment, and whether this request made it (false: a repeat answered with the first result). */
	record Made(Adjustment adjustment, boolean created) {
	}

	private record Total(String campaignId, UUID workerId, int points, long sequence, String unionId, int drawsSpent) {
	}
}
