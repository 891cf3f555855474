package org.netsecweek.scoring.adjustment;

import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Counts the draws each worker has used (a prize or no prize; a rejected draw uses none), once per draw id, so an
 * adjustment can never take away points already spent. Binding {@code recordDrawSpent-in-0} reads
 * {@code draw-completed}.
 */
@Component("recordDrawSpent")
class RecordDrawSpent extends EventHandler<DrawCompleted> {

	RecordDrawSpent(Inbox inbox, Adjustments adjustments) {
		super(inbox, "recordDrawSpent", draw -> draw.outcome() == DrawOutcome.REJECTED ? Mono.empty()
				: adjustments.drawSpent(draw.campaignId(), draw.workerId(), draw.drawId()));
	}
}
