package org.netsecweek.quiz.bank;

import static org.netsecweek.quiz.bank.BankColumns.ANSWER;
import static org.netsecweek.quiz.bank.BankColumns.BASIS;
import static org.netsecweek.quiz.bank.BankColumns.CATEGORY;
import static org.netsecweek.quiz.bank.BankColumns.EXPLANATION;
import static org.netsecweek.quiz.bank.BankColumns.ID;
import static org.netsecweek.quiz.bank.BankColumns.OPTION_KEYS;
import static org.netsecweek.quiz.bank.BankColumns.STEM;
import static org.netsecweek.quiz.bank.BankColumns.TYPE;
import static org.netsecweek.quiz.bank.BankColumns.option;
import static org.netsecweek.quiz.bank.BankValidation.MAX_BASIS_LENGTH;
import static org.netsecweek.quiz.bank.BankValidation.MAX_EXPLANATION_LENGTH;
import static org.netsecweek.quiz.bank.BankValidation.MAX_ID_LENGTH;
import static org.netsecweek.quiz.bank.BankValidation.MAX_OPTION_LENGTH;
import static org.netsecweek.quiz.bank.BankValidation.MAX_STEM_LENGTH;
import static org.netsecweek.quiz.bank.BankValidation.TRUE_FALSE_OPTIONS;
import static org.netsecweek.quiz.bank.BankValidation.typeNamed;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of one row of a bank table, for {@link BankValidation}; each problem is added to the shared list. */
final class RowCheck {

	private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private static final Pattern ANSWER_SEPARATORS = Pattern.compile("[|,，、;；\\s]+");

	private static final Pattern OPTION_LETTERS = Pattern.compile("[A-F]{2,6}");

	private static final Map<String, String> TRUE_FALSE_ANSWERS = Map.of("T", "T", "TRUE", "T", "正确", "T", "对", "T",
			"F", "F", "FALSE", "F", "错误", "F", "错", "F");

	private final Table.Row row;

	private final Map<String, Integer> columns;

	private final List<RowProblem> problems;

	private final Map<String, Integer> rowOfId;

	private final int problemsBefore;

	RowCheck(Table.Row row, Map<String, Integer> columns, List<RowProblem> problems, Map<String, Integer> rowOfId) {
		this.row = row;
		this.columns = columns;
		this.problems = problems;
		this.rowOfId = rowOfId;
		this.problemsBefore = problems.size();
	}

	Question question() {
		String id = id();
		Category category = category();
		QuestionType type = type();
		String stem = text(STEM, MAX_STEM_LENGTH);
		Map<String, String> options = type == null ? null : options(type);
		Set<String> answer = options == null ? null : answer(type, options);
		String explanation = text(EXPLANATION, MAX_EXPLANATION_LENGTH);
		String basis = text(BASIS, MAX_BASIS_LENGTH);
		if (problems.size() > problemsBefore) {
			return null;
		}
		return new Question(id, category.name(), type, stem, options, answer, explanation, basis);
	}

	private String id() {
		String id = text(ID, MAX_ID_LENGTH);
		if (id == null) {
			return null;
		}
		if (!ID_PATTERN.matcher(id).matches()) {
			problem(ID, "题号 \"" + id + "\" 只能由字母、数字和 - _ . 组成，且以字母或数字开头");
			return null;
		}
		Integer earlier = rowOfId.putIfAbsent(id, row.number());
		if (earlier != null) {
			problem(ID, "题号 \"" + id + "\" 与第" + earlier + "行重复");
		}
		return id;
	}

	private Category category() {
		String name = cell(CATEGORY);
		if (name.isEmpty()) {
			problem(CATEGORY, "不能为空");
			return null;
		}
		return Category.named(name).orElseGet(() -> {
			problem(CATEGORY, "未知的分类 \"" + name + "\"（可选：" + Category.listed() + "）");
			return null;
		});
	}

	private QuestionType type() {
		String name = cell(TYPE);
		if (name.isEmpty()) {
			problem(TYPE, "不能为空");
			return null;
		}
		QuestionType type = typeNamed(name);
		if (type == null) {
			problem(TYPE, "未知的题型 \"" + name + "\"（可选：SINGLE 单选、MULTIPLE 多选、TRUE_FALSE 判断）");
		}
		return type;
	}

	private Map<String, String> options(QuestionType type) {
		if (type == QuestionType.TRUE_FALSE) {
			OPTION_KEYS.stream()
				.filter(key -> !cell(option(key)).isEmpty())
				.findFirst()
				.ifPresent(key -> problem(option(key), "判断题不填选项（固定为 T 正确、F 错误），请留空"));
			return TRUE_FALSE_OPTIONS;
		}
		Map<String, String> options = new LinkedHashMap<>();
		String firstEmpty = null;
		boolean gapReported = false;
		for (String key : OPTION_KEYS) {
			String text = cell(option(key));
			if (text.isEmpty()) {
				firstEmpty = firstEmpty == null ? key : firstEmpty;
				continue;
			}
			if (firstEmpty != null && !gapReported) {
				problem(option(firstEmpty), "选项须从 A 起连续填写：" + option(firstEmpty) + " 为空，" + option(key)
						+ " 却有内容");
				gapReported = true;
			}
			checkLength(option(key), text, MAX_OPTION_LENGTH);
			options.put(key, text);
		}
		if (options.size() < 2) {
			problem(option(OPTION_KEYS.get(options.size())),
					"单选题和多选题须有 2 到 " + OPTION_KEYS.size() + " 个选项，这里只有 " + options.size() + " 个");
		}
		return options;
	}

	private Set<String> answer(QuestionType type, Map<String, String> options) {
		String raw = cell(ANSWER);
		if (raw.isEmpty()) {
			problem(ANSWER, "不能为空：填写正确选项的字母，多个用 | 分隔");
			return null;
		}
		Set<String> keys = keys(raw, type);
		List<String> unknown = keys.stream().filter(key -> !options.containsKey(key)).toList();
		if (!unknown.isEmpty()) {
			problem(ANSWER, "答案 " + String.join("、", unknown) + " 不在选项中（选项：" + String.join("、", options.keySet())
					+ "）");
		}
		if (type == QuestionType.MULTIPLE && keys.size() < 2) {
			problem(ANSWER, "多选题至少需要 2 个正确答案，这里只有 " + keys.size() + " 个");
		}
		if (type != QuestionType.MULTIPLE && keys.size() != 1) {
			problem(ANSWER, (type == QuestionType.TRUE_FALSE ? "判断题" : "单选题") + "须有且只有 1 个正确答案，这里有 "
					+ keys.size() + " 个");
		}
		return keys;
	}

	private static Set<String> keys(String raw, QuestionType type) {
		List<String> tokens = Arrays.stream(ANSWER_SEPARATORS.split(raw.toUpperCase()))
			.filter(token -> !token.isEmpty())
			.toList();
		if (type == QuestionType.TRUE_FALSE) {
			return new LinkedHashSet<>(tokens.stream().map(t -> TRUE_FALSE_ANSWERS.getOrDefault(t, t)).toList());
		}
		if (tokens.size() == 1 && OPTION_LETTERS.matcher(tokens.get(0)).matches()) {
			return new LinkedHashSet<>(Arrays.asList(tokens.get(0).split("")));
		}
		return new LinkedHashSet<>(tokens);
	}

	/** A required text of at most {@code max} characters, or {@code null} after reporting why not. */
	private String text(String column, int max) {
		String text = cell(column);
		if (text.isEmpty()) {
			problem(column, "不能为空");
			return null;
		}
		return checkLength(column, text, max) ? text : null;
	}

	private boolean checkLength(String column, String text, int max) {
		int length = text.codePointCount(0, text.length());
		if (length > max) {
			problem(column, "超过 " + max + " 个字（现有 " + length + " 个）");
			return false;
		}
		return true;
	}

	private String cell(String column) {
		Integer index = columns.get(column);
		return index == null ? "" : row.cell(index);
	}

	private void problem(String column, String message) {
		problems.add(new RowProblem(row.number(), column, message));
	}
}
