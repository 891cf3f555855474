package org.netsecweek.scoring.ledger;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Books the points of each submitted paper, once. Binding {@code bookPoints-in-0} reads {@code answer-submitted}. */
@Component("bookPoints")
class BookPoints extends EventHandler<AnswerSubmitted> {

	BookPoints(Inbox inbox, Ledger ledger) {
		super(inbox, "bookPoints", ledger::book);
	}
}
