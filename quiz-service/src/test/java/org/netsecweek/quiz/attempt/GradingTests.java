package org.netsecweek.quiz.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.quiz.bank.Question;
import org.netsecweek.quiz.bank.QuestionBank;
import org.netsecweek.quiz.bank.QuestionBankFixture;

class GradingTests {

	private final QuestionBank bank = QuestionBankFixture.shipped();

	private final List<Question> paper = List.of(bank.find("pipl-001").orElseThrow(),
			bank.find("pi-daily-003").orElseThrow(), bank.find("daily-003").orElseThrow());

	@Test
	void countsRightAnswersAndTreatsUnansweredAsWrong() {
		GradedAttempt graded = Grading.grade(UUID.randomUUID(), "hlj-2022", LocalDate.of(2022, 9, 5), paper,
				Map.of("pipl-001", Set.of("B"), "pi-daily-003", Set.of("A", "B")), 1);

		assertThat(graded.correctCount()).isEqualTo(1);
		assertThat(graded.questionCount()).isEqualTo(3);
		assertThat(graded.pointsEarned()).isEqualTo(1);
		assertThat(graded.results()).extracting(GradedAttempt.Outcome::correct).containsExactly(true, false, false);
		assertThat(graded.results().get(1).answer()).containsExactly("A", "B", "C");
	}

	@Test
	void pointsFollowTheCampaignsRule() {
		assertThat(Grading.grade(UUID.randomUUID(), "x", LocalDate.now(), paper, Map.of("pipl-001", Set.of("B")), 3)
			.pointsEarned()).isEqualTo(3);
	}

	@Test
	void answersMustFitThePaper() {
		assertThat(Grading.misfit(paper, Map.of("pipl-001", Set.of("B")))).isNull();
		assertThat(Grading.misfit(paper, Map.of("csl-001", Set.of("B")))).contains("不在你今天的试卷上");
		assertThat(Grading.misfit(paper, Map.of("pipl-001", Set.of("Z")))).contains("没有选项");
		assertThat(Grading.misfit(paper, Map.of("pipl-001", Set.of("A", "B")))).contains("只能选一个");
	}

	@Test
	void theSameAnswersHaveTheSameFingerprintWhateverTheirOrder() {
		assertThat(SubmitAnswers.fingerprint(Map.of("a", Set.of("B", "A"), "b", Set.of("C"))))
			.isEqualTo(SubmitAnswers.fingerprint(Map.of("b", Set.of("C"), "a", Set.of("A", "B"))))
			.isNotEqualTo(SubmitAnswers.fingerprint(Map.of("a", Set.of("A"), "b", Set.of("C"))));
	}
}
