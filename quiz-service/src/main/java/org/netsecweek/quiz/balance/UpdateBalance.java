package org.netsecweek.quiz.balance;

import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Keeps workers' balances as scoring-service announces them, a polled batch per transaction. Binding
 * {@code updateBalance-in-0}.
 */
@Component("updateBalance")
class UpdateBalance extends EventHandler<PointsAwarded> {

	UpdateBalance(Inbox inbox, JsonMapper json, Balances balances) {
		super(inbox, json, PointsAwarded.class, "updateBalance", balances::apply);
	}
}
