package org.netsecweek.quiz.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;

/**
 * The bank shipped in {@code questions/bank.yml}, which seeds an empty database. Each entry becomes a row of the
 * import files' columns and goes through {@link BankValidation}; a single problem stops the service, as it always
 * did. True/false entries name their options {@code T} and {@code F} (or leave them out); the texts are always
 * 正确 and 错误.
 */
final class SeedFile {

	static final String LOCATION = "questions/bank.yml";

	private static final Set<String> SCALARS = Set.of(BankColumns.ID, BankColumns.CATEGORY, BankColumns.TYPE,
			BankColumns.STEM, BankColumns.EXPLANATION, BankColumns.BASIS);

	private SeedFile() {
	}

	/** The file's questions in file order; an {@link IllegalStateException} naming every problem if it has any. */
	static List<Question> questions(Resource file) {
		List<Map<String, Object>> entries = entries(file);
		List<RowProblem> problems = new ArrayList<>();
		List<Table.Row> rows = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			rows.add(row(i + 1, entries.get(i) == null ? Map.of() : entries.get(i), problems));
		}
		BankValidation.Result result = BankValidation.check(new Table(BankColumns.ALL, rows), Integer.MAX_VALUE);
		problems.addAll(result.problems());
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The question bank " + file.getDescription() + " has problems:\n"
					+ problems.stream()
						.map(p -> "  第" + p.row() + "题「" + p.column() + "」：" + p.message())
						.collect(Collectors.joining("\n")));
		}
		return result.questions();
	}

	private static List<Map<String, Object>> entries(Resource file) {
		try (InputStream in = file.getInputStream()) {
			List<Map<String, Object>> entries = YAMLMapper.builder().build().readValue(in,
					new TypeReference<List<Map<String, Object>>>() {
					});
			return entries == null ? List.of() : entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the question bank " + file.getDescription(), ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The question bank " + file.getDescription() + " is not a YAML list of "
					+ "questions: " + ex.getOriginalMessage(), ex);
		}
	}

	private static Table.Row row(int number, Map<String, Object> entry, List<RowProblem> problems) {
		List<String> cells = new ArrayList<>(Collections.nCopies(BankColumns.ALL.size(), ""));
		entry.forEach((field, value) -> {
			if (SCALARS.contains(field)) {
				cells.set(BankColumns.ALL.indexOf(field), scalar(value));
			}
			else if (field.equals(BankColumns.ANSWER)) {
				cells.set(BankColumns.ALL.indexOf(field), value instanceof List<?> keys
						? keys.stream().map(SeedFile::scalar).collect(Collectors.joining(BankColumns.ANSWER_SEPARATOR))
						: scalar(value));
			}
			else if (field.equals("options")) {
				QuestionType type = BankValidation.typeNamed(scalar(entry.get(BankColumns.TYPE)));
				options(number, type == QuestionType.TRUE_FALSE, value, cells, problems);
			}
			else {
				problems.add(new RowProblem(number, field, "未知的字段"));
			}
		});
		return new Table.Row(number, cells);
	}

	private static void options(int number, boolean trueFalse, Object value, List<String> cells,
			List<RowProblem> problems) {
		if (!(value instanceof Map<?, ?> options)) {
			problems.add(new RowProblem(number, "options", "须为「键: 选项文本」的映射"));
			return;
		}
		Set<String> keys = options.keySet().stream().map(SeedFile::scalar).collect(Collectors.toSet());
		if (trueFalse) {
			if (!keys.equals(BankValidation.TRUE_FALSE_OPTIONS.keySet())) {
				problems.add(new RowProblem(number, "options", "判断题的选项须为 T 和 F，这里是 " + keys));
			}
			return;
		}
		options.forEach((key, text) -> {
			int column = BankColumns.ALL.indexOf(BankColumns.option(scalar(key)));
			if (column < 0) {
				problems.add(new RowProblem(number, "options", "选项 \"" + key + "\" 无效：单选题和多选题的选项为 A 到 F"));
			}
			else {
				cells.set(column, scalar(text));
			}
		});
	}

	private static String scalar(Object value) {
		return value == null ? "" : String.valueOf(value);
	}
}
