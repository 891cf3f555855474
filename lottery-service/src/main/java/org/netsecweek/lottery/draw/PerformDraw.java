package org.netsecweek.lottery.draw;

import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Takes each draw request once, a polled batch at a time (binding {@code performDraw-in-0}, reads
 * {@code draw-requested}): the batch's processed-event records, draws, entitlements, inventory, log entries and
 * DrawCompleted outbox rows commit in one transaction, with each campaign's chain locked once for all its draws.
 * A batch that fails is taken one by one, and only the request that fails on its own is retried and dead-lettered
 * (the platform's {@link EventHandler}).
 */
@Component("performDraw")
class PerformDraw extends EventHandler<DrawRequested> {

	PerformDraw(Inbox inbox, DrawManagement draws, JsonMapper json) {
		super(inbox, json, DrawRequested.class, "performDraw", draws::request);
	}
}
