package org.netsecweek.reporting.participation;

import java.util.List;
import java.util.function.Consumer;

import org.netsecweek.events.scoring.PointsAwarded;

import org.springframework.stereotype.Component;

/** Records each attempt's points once. Binding {@code countPoints-in-0} reads {@code points-awarded} in batches. */
@Component("countPoints")
class CountPoints implements Consumer<List<PointsAwarded>> {

	private final BatchInbox inbox;

	private final Participation participation;

	CountPoints(BatchInbox inbox, Participation participation) {
		this.inbox = inbox;
		this.participation = participation;
	}

	@Override
	public void accept(List<PointsAwarded> points) {
		inbox.consumeAll("countPoints", points, participation::recordPoints);
	}
}
