package org.netsecweek.scoring.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.outbox.Outbox;
import org.netsecweek.scoring.ledger.BookingPlan.Booking;
import org.netsecweek.scoring.ledger.LedgerRows.Booked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Books submitted papers a batch at a time, in one transaction per batch: the processed-event records, the
 * submission log, rejections, holds, the entries, the totals and (live) the PointsAwarded outbox rows commit
 * together or not at all. One worker's events are decided in the order given (offset order); a few statements per
 * batch, however large. The rebuild command replays the topic through the same rules ({@link #replay}).
 * <p>
 * No lock is taken per worker: one worker's events share a partition, so one consumer thread decides them in order.
 * Where two transactions meet anyway (a redelivery across a rebalance, an admin's release, tests hammering one
 * worker) the keys decide: the processed event, the logged attempt (the second transaction waits for the first and
 * then finds it logged), one attempt per worker-day, and the total's row lock, from which each entry's total and
 * sequence are read back. A batch that loses such a race fails and is booked again one by one.
 */
@Component
public class Bookkeeper {

	/** The consumer the processed-event records are kept under: the binding's bean. */
	static final String CONSUMER = "bookPoints";

	private static final Logger log = LoggerFactory.getLogger(Bookkeeper.class);

	private final LedgerRows rows;

	private final Submissions submissions;

	private final HeldAttempts held;

	private final Campaigns campaigns;

	private final ReviewSettings review;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Outbox outbox;

	Bookkeeper(LedgerRows rows, Submissions submissions, HeldAttempts held, Campaigns campaigns, ReviewSettings review,
			ReactiveTransactionManager transactions, Clock clock, MeterRegistry meters, Outbox outbox) {
		this.outbox = outbox;
		this.rows = rows;
		this.submissions = submissions;
		this.held = held;
		this.campaigns = campaigns;
		this.review = review;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
		this.meters = meters;
	}

	/** Books a batch as the live consumer does, announcing each booked attempt through the outbox. */
	Mono<Void> book(List<AnswerSubmitted> batch) {
		return transaction.transactional(process(batch, Set.of(), true)).then();
	}

	/**
	 * Books a batch read back from the topic by the rebuild: the same rules, nothing announced (the other services
	 * have those events already), and attempts in {@code released} booked where the rules hold them, as an admin
	 * released them. Emits the number of entries booked.
	 */
	public Mono<Integer> replay(List<AnswerSubmitted> batch, Set<UUID> released) {
		return transaction.transactional(process(batch, released, false));
	}

	/**
	 * Restores an admin adjustment the rebuild found in {@code points-awarded} as an ADJUSTMENT entry made by
	 * {@code rebuild}, in its own transaction.
	 */
	public Mono<Void> restoreAdjustment(PointsAwarded adjustment) {
		if (adjustment.adjustmentId() == null) {
			return Mono.error(new IllegalArgumentException("not an adjustment: " + adjustment.eventId()));
		}
		return transaction.transactional(
				rows.restoreAdjustment(adjustment, "rebuild", "管理员调整（自 points-awarded 重建）"));
	}

	/** Books an attempt an admin released after review, in the caller's transaction; {@code note} goes in the reason. */
	Mono<Void> bookReleased(AnswerSubmitted answer, String note) {
		CampaignDefinition campaign = campaigns.get(answer.campaignId());
		Booking booking = BookingPlan.Booking.of(answer, campaign, "（复核放行：" + note + "）");
		return submissions.state(List.of(answer), clock.instant(), Set.of())
			.flatMap(state -> {
				UUID booked = state.bookedDays()
					.get(new BookingPlan.DayKey(answer.campaignId(), answer.workerId(), answer.campaignDay()));
				if (booked != null) {
					log.warn("Not booking released attempt {}: day {} already booked for attempt {}", answer.attemptId(),
							answer.campaignDay(), booked);
					return Mono.empty();
				}
				return rows.book(List.of(booking)).flatMap(this::announce);
			});
	}

	private Mono<Integer> process(List<AnswerSubmitted> batch, Set<UUID> released, boolean announce) {
		Map<UUID, AnswerSubmitted> byEvent = new LinkedHashMap<>();
		batch.forEach(answer -> byEvent.putIfAbsent(answer.eventId(), answer));
		return rows.claim(CONSUMER, byEvent.keySet()).flatMap(fresh -> {
			countConsumed(fresh.size(), batch.size() - fresh.size());
			List<AnswerSubmitted> events = byEvent.values().stream().filter(a -> fresh.contains(a.eventId())).toList();
			return events.isEmpty() ? Mono.just(0) : apply(events, released, announce);
		});
	}

	private Mono<Integer> apply(List<AnswerSubmitted> events, Set<UUID> released, boolean announce) {
		Map<UUID, AnswerSubmitted> attempts = new LinkedHashMap<>();
		events.stream()
			.filter(answer -> campaigns.find(answer.campaignId()).isPresent())
			.forEach(answer -> attempts.putIfAbsent(answer.attemptId(), answer));
		return submissions.log(List.copyOf(attempts.values()))
			.flatMap(logged -> submissions.state(events, burstHorizon(events), logged).map(state -> {
				attempts.keySet().stream().filter(attempt -> !logged.contains(attempt)).forEach(state.seen()::add);
				return BookingPlan.of(events, id -> campaigns.find(id).orElse(null), state, review.holdFastPapers(),
						released);
			}))
			.flatMap(plan -> submissions.reject(plan.rejects)
				.then(held.hold(plan.holds, "rebuild", "points-awarded 中已有该次答题的积分"))
				.then(rows.book(plan.bookings))
				.flatMap(booked -> (announce ? announce(booked) : Mono.<Void>empty()).thenReturn(booked.size()))
				.doOnSuccess(n -> count(plan)));
	}

	/** Submissions older than the earliest event minus the longest burst window cannot make a burst. */
	private Instant burstHorizon(List<AnswerSubmitted> events) {
		Duration window = events.stream()
			.map(a -> campaigns.find(a.campaignId()).map(c -> c.review().burstWindow()).orElse(Duration.ZERO))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		Instant earliest = events.stream().map(AnswerSubmitted::occurredAt).min(Instant::compareTo).orElseThrow();
		return earliest.minus(window);
	}

	private Mono<Void> announce(List<Booked> booked) {
		return outbox.appendAll(booked.stream().map(b -> {
			AnswerSubmitted answer = b.answer();
			return new PointsAwarded(UUID.randomUUID(), clock.instant(), answer.campaignId(),
					PointsAwarded.SCHEMA_VERSION, answer.workerId(), answer.attemptId(), answer.campaignDay(),
					b.booking().points(), b.totalAfter(), b.booking().rules().drawsEarned(b.totalAfter()), b.sequence(),
					null);
		}).toList()).doOnSuccess(done -> booked.forEach(b -> meters
			.counter("points.booked", "campaign", b.answer().campaignId())
			.increment(b.booking().points())));
	}

	private void count(BookingPlan plan) {
		plan.rejects.forEach(reject -> {
			log.warn("Not booking attempt {} of campaign {}: {}", reject.answer().attemptId(),
					reject.answer().campaignId(), reject.reason());
			meters.counter("answers.rejected", "reason", reject.reason()).increment();
		});
		plan.holds.stream()
			.filter(hold -> !hold.released())
			.forEach(hold -> meters.counter("answers.held", "campaign", hold.answer().campaignId()).increment());
	}

	private void countConsumed(int applied, int duplicates) {
		meters.counter("events.consumed", "consumer", CONSUMER, "result", "applied").increment(applied);
		meters.counter("events.consumed", "consumer", CONSUMER, "result", "duplicate").increment(duplicates);
	}
}
