package org.netsecweek.quiz.bank;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * The questions on papers already shown today. The paper feature knows them; an import must not change how they are
 * graded.
 */
public interface IssuedQuestions {

	/** The ids of the questions on every paper of the running campaign shown today. */
	Mono<Set<String>> shownToday();
}
