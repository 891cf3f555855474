package org.netsecweek.quiz.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.quiz.bank.Question;
import org.netsecweek.quiz.bank.QuestionBank;
import org.netsecweek.quiz.bank.QuestionBankFixture;
import org.netsecweek.quiz.bank.QuestionType;

class PaperDrawTests {

	private final QuestionBank bank = QuestionBankFixture.shipped();

	private final UUID worker = UUID.randomUUID();

	private final LocalDate day = LocalDate.of(2022, 9, 5);

	@Test
	void theSameWorkerGetsTheSamePaperOnEveryReload() {
		assertThat(PaperDraw.questions(bank.questions(null), 10, "hlj-2022", worker, day))
			.isEqualTo(PaperDraw.questions(bank.questions(null), 10, "hlj-2022", worker, day))
			.hasSize(10)
			.doesNotHaveDuplicates();
	}

	@Test
	void papersDifferBetweenDaysAndWorkers() {
		var first = PaperDraw.questions(bank.questions(null), 10, "hlj-2022", worker, day);
		assertThat(PaperDraw.questions(bank.questions(null), 10, "hlj-2022", worker, day.plusDays(1))).isNotEqualTo(first);
		assertThat(PaperDraw.questions(bank.questions(null), 10, "hlj-2022", UUID.randomUUID(), day)).isNotEqualTo(first);
	}

	@Test
	void optionsAreShuffledPerWorkerButTrueFalseStaysInPlace() {
		Question multiple = bank.find("pi-daily-003").orElseThrow();
		Question trueFalse = bank.find("pipl-002").orElseThrow();
		assertThat(PaperDraw.optionOrder(multiple, "hlj-2022", worker, day)).containsExactlyInAnyOrder("A", "B", "C", "D");
		assertThat(PaperDraw.optionOrder(trueFalse, "hlj-2022", worker, day)).containsExactly("T", "F");
		long differentOrders = java.util.stream.IntStream.range(0, 20)
			.mapToObj(i -> PaperDraw.optionOrder(multiple, "hlj-2022", UUID.randomUUID(), day))
			.distinct()
			.count();
		assertThat(differentOrders).isGreaterThan(1);
	}

	@Test
	void theThemeCategoryHasAFullPaper() {
		assertThat(bank.questions("PERSONAL_INFORMATION")).hasSizeGreaterThanOrEqualTo(10)
			.allSatisfy(q -> assertThat(q.type()).isIn((Object[]) QuestionType.values()));
	}

	@Test
	void aSmallPoolGivesAShorterPaper() {
		assertThat(PaperDraw.questions(bank.questions("CII_REGULATIONS").subList(0, 3), 10, "hlj-2022", worker, day))
			.hasSize(3);
	}
}
