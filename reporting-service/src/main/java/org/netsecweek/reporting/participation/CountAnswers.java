package org.netsecweek.reporting.participation;

import java.util.List;
import java.util.function.Consumer;

import org.netsecweek.events.quiz.AnswerSubmitted;

import org.springframework.stereotype.Component;

/**
 * Counts each submitted paper as the worker's participation on its campaign day, once. Binding
 * {@code countAnswers-in-0} reads {@code answer-submitted} in batches.
 */
@Component("countAnswers")
class CountAnswers implements Consumer<List<AnswerSubmitted>> {

	private final BatchInbox inbox;

	private final Participation participation;

	CountAnswers(BatchInbox inbox, Participation participation) {
		this.inbox = inbox;
		this.participation = participation;
	}

	@Override
	public void accept(List<AnswerSubmitted> answers) {
		inbox.consume("countAnswers", answers, participation::recordAnswer);
	}
}
