package org.netsecweek.quiz.balance;

import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Keeps workers' balances as scoring-service announces them. Binding {@code updateBalance-in-0}. */
@Component("updateBalance")
class UpdateBalance extends EventHandler<PointsAwarded> {

	UpdateBalance(Inbox inbox, Balances balances) {
		super(inbox, "updateBalance", balances::apply);
	}
}
