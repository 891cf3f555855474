package org.netsecweek.reporting.participation;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/**
 * Counts each submitted paper as the worker's participation that day, once. Binding {@code countAnswers-in-0}
 * reads {@code answer-submitted}.
 */
@Component("countAnswers")
class CountAnswers implements Consumer<AnswerSubmitted> {

	private final Inbox inbox;

	private final Participation participation;

	private final MeterRegistry meters;

	CountAnswers(Inbox inbox, Participation participation, MeterRegistry meters) {
		this.inbox = inbox;
		this.participation = participation;
		this.meters = meters;
	}

	@Override
	public void accept(AnswerSubmitted answer) {
		AtomicBoolean recorded = new AtomicBoolean();
		inbox.consume("countAnswers", answer,
				() -> participation.recordAnswer(answer).doOnNext(recorded::set));
		if (recorded.get()) { // counted only once the transaction committed
			meters.counter("participation.facts.recorded", "kind", "answer", "campaign", answer.campaignId())
				.increment();
		}
	}
}
