package org.netsecweek.lottery.winner;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.tracing.InRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Marks prizes handed over, once each: by draw id from the winners list, or by the redemption code the winner shows.
 * A repeat (a double click, two staff at once) changes nothing and answers with the first hand-over. Union admins
 * may hand over only their own union's prizes. Counter {@code prizes.delivered{via}} counts first hand-overs.
 */
@Component
class PrizeDelivery {

	static final String VIA_DRAW_ID = "DRAW_ID";

	static final String VIA_REDEMPTION_CODE = "REDEMPTION_CODE";

	private static final Logger log = LoggerFactory.getLogger(PrizeDelivery.class);

	private final Winners winners;

	private final TransactionalOperator transaction;

	private final MeterRegistry meters;

	private final Clock clock;

	PrizeDelivery(Winners winners, ReactiveTransactionManager transactions, MeterRegistry meters, Clock clock) {
		this.winners = winners;
		this.transaction = TransactionalOperator.create(transactions);
		this.meters = meters;
		this.clock = clock;
	}

	Mono<Delivered> byDraw(UUID drawId, String note, Caller caller) {
		return deliver(winners.byDraw(drawId).switchIfEmpty(Mono.error(() -> new WinnerNotFound(drawId))), note,
				caller, VIA_DRAW_ID);
	}

	/** By the code as staff typed it: case, spaces and dashes do not matter. */
	Mono<Delivered> byCode(String typed, String note, Caller caller) {
		String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return deliver(winners.byCode(code).switchIfEmpty(Mono.error(RedemptionCodeNotFound::new)), note, caller,
				VIA_REDEMPTION_CODE);
	}

	private Mono<Delivered> deliver(Mono<Winner> found, String note, Caller caller, String via) {
		Mono<Delivered> work = found.flatMap(winner -> {
			if (!caller.mayAccessUnion(winner.unionId())) {
				return Mono.error(new OtherUnion());
			}
			var delivery = new Winner.Delivery(clock.instant(), caller.subject(), caller.role().name(), via,
					note == null || note.isBlank() ? null : note.strip());
			return winners.recordDelivery(winner.drawId(), delivery)
				.flatMap(first -> winners.byDraw(winner.drawId()).map(now -> new Delivered(now, first)));
		});
		return InRequest.logAfter(transaction.transactional(work), delivered -> {
			if (delivered != null && delivered.first()) {
				Winner winner = delivered.winner();
				log.info("Prize {} of draw {} ({}, union {}) handed over by {} via {}", winner.prizeId(),
						winner.drawId(), winner.campaignId(), winner.unionId(), caller.subject(), via);
				Counter.builder("prizes.delivered")
					.description("Prizes handed over to their winners, by how the hand-over was recorded")
					.tag("via", via)
					.register(meters)
					.increment();
			}
		});
	}

	/**
	 * @param first whether this call recorded the hand-over ({@code false}: it was recorded before, and
	 * {@code winner.delivery()} is that first record)
	 */
	record Delivered(Winner winner, boolean first) {
	}
}
