package org.netsecweek.reporting.participation;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.netsecweek.events.quiz.DrawRequested;

import org.springframework.stereotype.Component;

/**
 * Learns each draw's union and organisation (DrawCompleted carries neither). Binding {@code countDrawRequests-in-0}
 * reads {@code draw-requested} in batches.
 */
@Component("countDrawRequests")
class CountDrawRequests implements Consumer<List<DrawRequested>> {

	private final BatchInbox inbox;

	private final Participation participation;

	CountDrawRequests(BatchInbox inbox, Participation participation) {
		this.inbox = inbox;
		this.participation = participation;
	}

	@Override
	public void accept(List<DrawRequested> requests) {
		// in draw order, as countDraws takes its batches: both write draw_fact rows, and two batches that lock the same
		// rows in different orders deadlock (seen in the benchmark's journey)
		inbox.consume("countDrawRequests", requests, Comparator.comparing(DrawRequested::drawId),
				participation::recordDrawRequest);
	}
}
