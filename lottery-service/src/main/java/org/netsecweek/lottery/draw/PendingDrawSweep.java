package org.netsecweek.lottery.draw;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Rejects draw requests that waited longer than {@link DrawSettings#pendingTimeout()} for an entitlement, each in
 * its own transaction under its worker's lock. Safe with several instances sweeping at once: a draw is rejected only
 * if still pending when its worker's lock is held.
 */
@Component
class PendingDrawSweep implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(PendingDrawSweep.class);

	/** Draws rejected per sweep at most; the next sweep takes the rest. */
	private static final int BATCH = 500;

	private final Draws draws;

	private final DrawManagement management;

	private final TransactionalOperator transaction;

	private final DrawSettings settings;

	private final Clock clock;

	PendingDrawSweep(Draws draws, DrawManagement management, ReactiveTransactionManager transactions,
			DrawSettings settings, Clock clock) {
		this.draws = draws;
		this.management = management;
		this.transaction = TransactionalOperator.create(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new IntervalTask(this::rejectExpired, settings.sweepInterval(),
				settings.sweepInterval()));
	}

	void rejectExpired() {
		try {
			long rejected = rejectReceivedBefore(clock.instant().minus(settings.pendingTimeout()));
			if (rejected > 0) {
				log.info("Rejected {} draw requests that waited longer than {} for an entitlement", rejected,
						settings.pendingTimeout());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Sweeping pending draws failed, trying again in {}: {}", settings.sweepInterval(), ex.toString());
		}
	}

	/** Rejects pending draws received before {@code cutoff}; returns how many it rejected. */
	long rejectReceivedBefore(Instant cutoff) {
		Long rejected = draws.pendingReceivedBefore(cutoff, BATCH)
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap(draw -> transaction.transactional(management.rejectIfStillPending(draw)))
			.filter(Boolean::booleanValue)
			.count()
			.block(Duration.ofMinutes(1));
		return rejected == null ? 0 : rejected;
	}
}
