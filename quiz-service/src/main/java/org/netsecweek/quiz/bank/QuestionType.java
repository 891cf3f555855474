package org.netsecweek.quiz.bank;

/** How a question is answered. */
public enum QuestionType {

	/** One option is right. */
	SINGLE,

	/** Several options are right; all of them and only them must be chosen. */
	MULTIPLE,

	/** Options T (正确) and F (错误). */
	TRUE_FALSE
}
