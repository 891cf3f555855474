package org.netsecweek.quiz.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns of the import and export files, and how a question fills them. A true/false question leaves the option
 * columns empty: its options are always T 正确 and F 错误.
 */
final class BankColumns {

	static final String ID = "id";

	static final String CATEGORY = "category";

	static final String TYPE = "type";

	static final String STEM = "stem";

	static final String ANSWER = "answer";

	static final String EXPLANATION = "explanation";

	static final String BASIS = "basis";

	/** The option keys of single and multiple choice questions, one column each. */
	static final List<String> OPTION_KEYS = List.of("A", "B", "C", "D", "E", "F");

	/** Every column in file order. */
	static final List<String> ALL = all();

	/** Columns a file must have; option_C to option_F may be left out. */
	static final List<String> REQUIRED = List.of(ID, CATEGORY, TYPE, STEM, option("A"), option("B"), ANSWER,
			EXPLANATION, BASIS);

	/** How answer keys are joined in a cell. */
	static final String ANSWER_SEPARATOR = "|";

	private BankColumns() {
	}

	static String option(String key) {
		return "option_" + key;
	}

	/** The cells of a question's row, in {@link #ALL}'s order. */
	static List<String> cells(Question question) {
		List<String> cells = new ArrayList<>(List.of(question.id(), question.category(), question.type().name(),
				question.stem()));
		for (String key : OPTION_KEYS) {
			cells.add(question.type() == QuestionType.TRUE_FALSE ? "" : question.options().getOrDefault(key, ""));
		}
		cells.add(question.answer().stream().sorted().collect(Collectors.joining(ANSWER_SEPARATOR)));
		cells.add(question.explanation());
		cells.add(question.basis());
		return cells;
	}

	private static List<String> all() {
		List<String> all = new ArrayList<>(List.of(ID, CATEGORY, TYPE, STEM));
		OPTION_KEYS.forEach(key -> all.add(option(key)));
		all.addAll(List.of(ANSWER, EXPLANATION, BASIS));
		return List.copyOf(all);
	}
}
