package org.netsecweek.lottery.draw;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.lottery.DrawOutcome;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/** Counter {@code draws.completed{outcome}}. */
@Component
class DrawMetrics {

	private final MeterRegistry meters;

	DrawMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Counts finished draws once their transaction has committed, so a draw that rolled back and is retried counts
	 * once, and a rolled-back one not at all.
	 */
	Mono<Void> countOnCommit(List<DrawOutcome> outcomes) {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.flatMap(transaction -> {
				if (!transaction.isSynchronizationActive()) {
					return Mono.fromRunnable(() -> count(outcomes));
				}
				transaction.registerSynchronization(new TransactionSynchronization() {
					@Override
					public Mono<Void> afterCommit() {
						return Mono.fromRunnable(() -> count(outcomes));
					}
				});
				return Mono.<Void>empty();
			})
			.onErrorResume(NoTransactionException.class, ex -> Mono.fromRunnable(() -> count(outcomes)))
			.then();
	}

	private void count(List<DrawOutcome> outcomes) {
		outcomes.forEach(outcome -> Counter.builder("draws.completed")
			.description("Draws finished, by outcome")
			.tag("outcome", outcome.name())
			.register(meters)
			.increment());
	}
}
