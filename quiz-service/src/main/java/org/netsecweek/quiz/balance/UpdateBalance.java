package org.netsecweek.quiz.balance;

import java.util.function.Consumer;

import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Keeps workers' balances as scoring-service announces them. Binding {@code updateBalance-in-0}. */
@Component("updateBalance")
class UpdateBalance implements Consumer<PointsAwarded> {

	private final Inbox inbox;

	private final Balances balances;

	UpdateBalance(Inbox inbox, Balances balances) {
		this.inbox = inbox;
		this.balances = balances;
	}

	@Override
	public void accept(PointsAwarded points) {
		inbox.consume("updateBalance", points, () -> balances.apply(points));
	}
}
