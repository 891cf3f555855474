package org.netsecweek.quiz.draw;

import java.util.function.Consumer;

import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Shows workers the outcome of their draws. Binding {@code recordDrawOutcome-in-0}. */
@Component("recordDrawOutcome")
class RecordDrawOutcome implements Consumer<DrawCompleted> {

	private final Inbox inbox;

	private final Draws draws;

	RecordDrawOutcome(Inbox inbox, Draws draws) {
		this.inbox = inbox;
		this.draws = draws;
	}

	@Override
	public void accept(DrawCompleted completed) {
		inbox.consume("recordDrawOutcome", completed, () -> draws.complete(completed));
	}
}
