package org.netsecweek.reporting.participation;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.netsecweek.events.lottery.DrawCompleted;

import org.springframework.stereotype.Component;

/** Counts each completed draw once. Binding {@code countDraws-in-0} reads {@code draw-completed} in batches. */
@Component("countDraws")
class CountDraws implements Consumer<List<DrawCompleted>> {

	private final BatchInbox inbox;

	private final Participation participation;

	CountDraws(BatchInbox inbox, Participation participation) {
		this.inbox = inbox;
		this.participation = participation;
	}

	@Override
	public void accept(List<DrawCompleted> draws) {
		// in draw order, as countDrawRequests takes its batches (both write draw_fact rows: see there)
		inbox.consume("countDraws", draws, Comparator.comparing(DrawCompleted::drawId), participation::recordDraw);
	}
}
