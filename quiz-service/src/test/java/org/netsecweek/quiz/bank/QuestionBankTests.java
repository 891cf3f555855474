package org.netsecweek.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class QuestionBankTests {

	private final QuestionBank bank = QuestionBankFixture.shipped();

	@Test
	void everyQuestionHasAGradableKeyAnExplanationAndABasis() {
		assertThat(bank.questions(null)).hasSizeGreaterThanOrEqualTo(10).allSatisfy(q -> {
			assertThat(q.options().keySet()).containsAll(q.answer());
			assertThat(q.explanation()).isNotBlank();
			assertThat(q.basis()).isNotBlank();
		});
	}

	@Test
	void theCybersecurityLawIsCitedWithIts2016NumberingSaidExplicitly() {
		assertThat(bank.questions(null))
			.filteredOn(q -> q.basis().startsWith("网络安全法"))
			.isNotEmpty()
			.allSatisfy(q -> assertThat(q.basis()).contains("2016年文本"));
	}

	@Test
	void aMultipleChoiceQuestionNeedsExactlyTheRightOptions() {
		Question q = bank.find("pi-daily-003").orElseThrow();
		assertThat(q.isAnsweredBy(Set.of("A", "B", "C"))).isTrue();
		assertThat(q.isAnsweredBy(Set.of("A", "B"))).isFalse();
		assertThat(q.isAnsweredBy(Set.of("A", "B", "C", "D"))).isFalse();
	}
}
