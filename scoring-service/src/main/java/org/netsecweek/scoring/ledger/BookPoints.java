package org.netsecweek.scoring.ledger;

import java.util.function.Consumer;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Books the points of each submitted paper, once. Binding {@code bookPoints-in-0} reads {@code answer-submitted}. */
@Component("bookPoints")
class BookPoints implements Consumer<AnswerSubmitted> {

	private final Inbox inbox;

	private final Ledger ledger;

	BookPoints(Inbox inbox, Ledger ledger) {
		this.inbox = inbox;
		this.ledger = ledger;
	}

	@Override
	public void accept(AnswerSubmitted answer) {
		inbox.consume("bookPoints", answer, () -> ledger.book(answer));
	}
}
