package org.netsecweek.quiz.draw;

import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Shows workers the outcome of their draws, a polled batch per transaction. Binding {@code recordDrawOutcome-in-0}. */
@Component("recordDrawOutcome")
class RecordDrawOutcome extends EventHandler<DrawCompleted> {

	RecordDrawOutcome(Inbox inbox, JsonMapper json, Draws draws) {
		super(inbox, json, DrawCompleted.class, "recordDrawOutcome", eachInOrder(draws::complete));
	}
}
