package org.netsecweek.quiz.bank;

import java.util.List;

import org.springframework.core.io.ClassPathResource;

/** The shipped question bank, read without Spring or a database. */
public final class QuestionBankFixture {

	private QuestionBankFixture() {
	}

	public static QuestionBank shipped() {
		QuestionBank bank = new QuestionBank();
		bank.replace(QuestionBank.Snapshot.of(1, shippedQuestions(), List.of()));
		return bank;
	}

	public static List<Question> shippedQuestions() {
		return SeedFile.questions(new ClassPathResource(SeedFile.LOCATION));
	}
}
