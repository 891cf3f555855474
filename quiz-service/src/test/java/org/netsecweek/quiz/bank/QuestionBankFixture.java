package org.netsecweek.quiz.bank;

import org.springframework.core.io.ClassPathResource;

/** The shipped question bank, read without Spring. */
public final class QuestionBankFixture {

	private QuestionBankFixture() {
	}

	public static QuestionBank shipped() {
		return new QuestionBank(new ClassPathResource("questions/bank.yml"));
	}
}
