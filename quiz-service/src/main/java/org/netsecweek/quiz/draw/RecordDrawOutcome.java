package org.netsecweek.quiz.draw;

import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Shows workers the outcome of their draws. Binding {@code recordDrawOutcome-in-0}. */
@Component("recordDrawOutcome")
class RecordDrawOutcome extends EventHandler<DrawCompleted> {

	RecordDrawOutcome(Inbox inbox, Draws draws) {
		super(inbox, "recordDrawOutcome", draws::complete);
	}
}
