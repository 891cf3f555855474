package org.netsecweek.reporting.participation;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Counts each completed draw once. Binding {@code countDraws-in-0} reads {@code draw-completed}. */
@Component("countDraws")
class CountDraws implements Consumer<DrawCompleted> {

	private final Inbox inbox;

	private final Participation participation;

	private final MeterRegistry meters;

	CountDraws(Inbox inbox, Participation participation, MeterRegistry meters) {
		this.inbox = inbox;
		this.participation = participation;
		this.meters = meters;
	}

	@Override
	public void accept(DrawCompleted draw) {
		AtomicBoolean recorded = new AtomicBoolean();
		inbox.consume("countDraws", draw, () -> participation.recordDraw(draw).doOnNext(recorded::set));
		if (recorded.get()) { // counted only once the transaction committed
			meters.counter("participation.facts.recorded", "kind", "draw", "campaign", draw.campaignId()).increment();
		}
	}
}
