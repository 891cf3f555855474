package org.netsecweek.scoring.adjustment;

import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Counts the draws each worker has used (a prize or no prize; a rejected draw uses none), once per draw id, so an
 * adjustment can never take away points already spent. Binding {@code recordDrawSpent-in-0} reads
 * {@code draw-completed}, a polled batch per transaction.
 */
@Component("recordDrawSpent")
class RecordDrawSpent extends EventHandler<DrawCompleted> {

	RecordDrawSpent(Inbox inbox, JsonMapper json, Adjustments adjustments) {
		super(inbox, json, DrawCompleted.class, "recordDrawSpent",
				eachInOrder(draw -> draw.outcome() == DrawOutcome.REJECTED ? Mono.empty()
						: adjustments.drawSpent(draw.campaignId(), draw.workerId(), draw.drawId())));
	}
}
