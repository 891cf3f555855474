package org.netsecweek.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.netsecweek.quiz.bank.BankValidationTests.multiple;
import static org.netsecweek.quiz.bank.BankValidationTests.single;
import static org.netsecweek.quiz.bank.BankValidationTests.table;
import static org.netsecweek.quiz.bank.BankValidationTests.trueFalse;
import static org.netsecweek.quiz.bank.BankValidationTests.with;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BankDiffTests {

	private final QuestionBank.Snapshot stored = QuestionBank.Snapshot.of(7,
			questions(single("q-1"), multiple("q-2"), trueFalse("q-3")), questions(single("q-old")));

	@Test
	void sortsTheFilesQuestionsIntoAddedChangedUnchangedAndRemoved() {
		var diff = BankDiff.between(stored, file(single("q-1"), with(multiple("q-2"), "stem", "新题干"), single("q-4"),
				single("q-old")), Set.of());

		assertThat(diff.added()).containsExactly("q-4", "q-old");
		assertThat(diff.changed()).containsExactly("q-2");
		assertThat(diff.unchanged()).containsExactly("q-1");
		assertThat(diff.removed()).containsExactly("q-3");
		assertThat(diff.problems()).isEmpty();
		assertThat(diff.changesAnything()).isTrue();
	}

	@Test
	void theSameQuestionsInTheSameOrderChangeNothingButAnotherOrderDoes() {
		assertThat(BankDiff.between(stored, file(single("q-1"), multiple("q-2"), trueFalse("q-3")), Set.of())
			.changesAnything()).isFalse();

		var reordered = BankDiff.between(stored, file(trueFalse("q-3"), single("q-1"), multiple("q-2")), Set.of());
		assertThat(reordered.reordered()).isTrue();
		assertThat(reordered.changed()).isEmpty();
		assertThat(reordered.changesAnything()).isTrue();
	}

	@Test
	void aQuestionOnTodaysPapersKeepsStemTypeOptionsAndAnswerUntilTomorrow() {
		var diff = BankDiff.between(stored, file(with(single("q-1"), "answer", "C"), with(multiple("q-2"), "option_D",
				"戊"), with(trueFalse("q-3"), "stem", "改过的题干")), Set.of("q-1", "q-2", "q-3"));

		assertThat(diff.problems()).extracting(RowProblem::row, RowProblem::column)
			.containsExactly(tuple(2, "answer"), tuple(3, "option_D"), tuple(4, "stem"));
		assertThat(diff.problems().get(0).message()).startsWith("题目 \"q-1\" 已在今天发出的试卷上，今天不能修改");
	}

	@Test
	void aQuestionOnTodaysPapersMayChangeItsExplanationBasisAndCategoryOrBeRemoved() {
		var diff = BankDiff.between(stored, file(with(single("q-1"), "explanation", "新解析", "basis", "新依据",
				"category", "PERSONAL_INFORMATION"), multiple("q-2")), Set.of("q-1", "q-2", "q-3"));

		assertThat(diff.problems()).isEmpty();
		assertThat(diff.changed()).containsExactly("q-1");
		assertThat(diff.removed()).containsExactly("q-3");
	}

	@Test
	void aRemovedQuestionOnTodaysPapersComesBackOnlyAsItWas() {
		var changedKey = BankDiff.between(stored, file(with(single("q-old"), "answer", "A")), Set.of("q-old"));
		var asItWas = BankDiff.between(stored, file(single("q-old")), Set.of("q-old"));

		assertThat(changedKey.problems()).extracting(RowProblem::column).containsExactly("answer");
		assertThat(asItWas.problems()).isEmpty();
		assertThat(asItWas.added()).containsExactly("q-old");
	}

	@SafeVarargs
	private static List<Question> questions(Map<String, String>... rows) {
		return file(rows).questions();
	}

	@SafeVarargs
	private static BankValidation.Result file(Map<String, String>... rows) {
		var result = BankValidation.check(table(rows), 100);
		assertThat(result.problems()).isEmpty();
		return result;
	}
}
