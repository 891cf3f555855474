package org.netsecweek.quiz.bank;

import static org.netsecweek.quiz.bank.BankColumns.ID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a question bank table and turns its rows into questions. Every problem is reported, each with its row and
 * column, so an admin fixes a file in one go; a table with any problem yields no bank. The shipped YAML bank goes
 * through the same checks as every import. No Spring.
 */
final class BankValidation {

	static final int MAX_ID_LENGTH = 64;

	static final int MAX_STEM_LENGTH = 500;

	static final int MAX_OPTION_LENGTH = 200;

	static final int MAX_EXPLANATION_LENGTH = 1000;

	static final int MAX_BASIS_LENGTH = 200;

	/** A true/false question's options, always these. */
	static final Map<String, String> TRUE_FALSE_OPTIONS = trueFalseOptions();

	private static final Map<String, QuestionType> TYPE_NAMES = typeNames();

	private BankValidation() {
	}

	/**
	 * @param maxQuestions how many questions a bank may hold
	 * @return the questions in table order, or every problem found
	 */
	static Result check(Table table, int maxQuestions) {
		List<RowProblem> problems = new ArrayList<>();
		Map<String, Integer> columns = header(table.header(), problems);
		if (!problems.isEmpty()) {
			return invalid(problems);
		}
		List<Table.Row> rows = table.rows().stream().filter(row -> !row.isBlank()).toList();
		if (rows.isEmpty()) {
			problems.add(new RowProblem(2, ID, "文件中没有题目"));
		}
		if (rows.size() > maxQuestions) {
			problems.add(new RowProblem(rows.get(maxQuestions).number(), ID,
					"题库最多 " + maxQuestions + " 题，从这一行起超出了上限"));
			rows = rows.subList(0, maxQuestions);
		}
		List<Question> questions = new ArrayList<>();
		Map<String, Integer> rowOfId = new LinkedHashMap<>();
		for (Table.Row row : rows) {
			Question question = new RowCheck(row, columns, problems, rowOfId).question();
			if (question != null) {
				questions.add(question);
			}
		}
		return problems.isEmpty() ? new Result(questions, rowOfId, List.of()) : invalid(problems);
	}

	/** No questions, and the problems by row and then column. */
	private static Result invalid(List<RowProblem> problems) {
		problems.sort(Comparator.comparingInt(RowProblem::row).thenComparingInt(p -> columnOrder(p.column())));
		return new Result(List.of(), Map.of(), List.copyOf(problems));
	}

	/** The type of that name ({@code SINGLE}, or 单选 and the like), or {@code null}. */
	static QuestionType typeNamed(String name) {
		return name == null ? null : TYPE_NAMES.get(name.strip().toUpperCase());
	}

	/** Column name to its index in the file; header problems are row 1's. */
	private static Map<String, Integer> header(List<String> header, List<RowProblem> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i) == null ? "" : header.get(i).strip().replace("\uFEFF", "");
			if (name.isEmpty()) {
				continue;
			}
			Optional<String> known = BankColumns.ALL.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
			if (known.isEmpty()) {
				problems.add(new RowProblem(1, name, "未知的列（可用的列：" + String.join("、", BankColumns.ALL) + "）"));
			}
			else if (columns.putIfAbsent(known.get(), i) != null) {
				problems.add(new RowProblem(1, known.get(), "这一列出现了两次"));
			}
		}
		BankColumns.REQUIRED.stream()
			.filter(c -> !columns.containsKey(c))
			.forEach(c -> problems.add(new RowProblem(1, c, "缺少这一列")));
		return columns;
	}

	private static int columnOrder(String column) {
		int index = BankColumns.ALL.indexOf(column);
		return index < 0 ? Integer.MAX_VALUE : index;
	}

	private static Map<String, String> trueFalseOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("T", "正确");
		options.put("F", "错误");
		return Collections.unmodifiableMap(options);
	}

	private static Map<String, QuestionType> typeNames() {
		Map<String, QuestionType> names = new HashMap<>();
		Arrays.stream(QuestionType.values()).forEach(t -> names.put(t.name(), t));
		names.putAll(Map.of("单选", QuestionType.SINGLE, "单选题", QuestionType.SINGLE, "多选", QuestionType.MULTIPLE,
				"多选题", QuestionType.MULTIPLE, "判断", QuestionType.TRUE_FALSE, "判断题", QuestionType.TRUE_FALSE));
		return Map.copyOf(names);
	}

	/**
	 * The outcome of a check.
	 *
	 * @param questions the bank's questions in file order; empty when there are problems
	 * @param rows the row each question's id was found in
	 * @param problems every problem, by row and then column
	 */
	record Result(List<Question> questions, Map<String, Integer> rows, List<RowProblem> problems) {

		boolean valid() {
			return problems.isEmpty();
		}
	}
}
