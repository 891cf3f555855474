package org.netsecweek.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BankValidationTests {

	@Test
	void turnsValidRowsIntoQuestionsInFileOrder() {
		var result = check(single("q-1"), multiple("q-2"), trueFalse("q-3"));

		assertThat(result.problems()).isEmpty();
		assertThat(result.questions()).extracting(Question::id).containsExactly("q-1", "q-2", "q-3");
		assertThat(result.rows()).containsEntry("q-1", 2).containsEntry("q-3", 4);
		Question multiple = result.questions().get(1);
		assertThat(multiple.type()).isEqualTo(QuestionType.MULTIPLE);
		assertThat(multiple.options()).containsExactly(Map.entry("A", "甲"), Map.entry("B", "乙"), Map.entry("C", "丙"),
				Map.entry("D", "丁"));
		assertThat(multiple.answer()).containsExactlyInAnyOrder("A", "C");
		Question trueFalse = result.questions().get(2);
		assertThat(trueFalse.options()).containsExactly(Map.entry("T", "正确"), Map.entry("F", "错误"));
		assertThat(trueFalse.answer()).containsExactly("F");
	}

	@Test
	void acceptsTheSpellingsAdminsTypeInExcel() {
		var result = check(with(multiple("q-1"), "answer", "a, c", "category", " personal_information "),
				with(multiple("q-2"), "answer", "AC", "type", "多选题"),
				with(trueFalse("q-3"), "answer", "正确", "type", "判断"),
				with(single("q-4"), "answer", " b ", "stem", "  题干  "));

		assertThat(result.problems()).isEmpty();
		assertThat(result.questions()).extracting(Question::answer)
			.containsExactly(Set.of("A", "C"), Set.of("A", "C"), Set.of("T"), Set.of("B"));
		assertThat(result.questions().get(0).category()).isEqualTo("PERSONAL_INFORMATION");
		assertThat(result.questions().get(3).stem()).isEqualTo("题干");
	}

	@Test
	void reportsEachMissingRequiredFieldWithItsRowAndColumn() {
		var result = check(single("q-1"), with(single(""), "stem", "", "explanation", ""), with(trueFalse("q-3"),
				"answer", "", "basis", ""));

		assertThat(result.problems()).extracting(RowProblem::row, RowProblem::column)
			.containsExactly(tuple(3, "id"), tuple(3, "stem"), tuple(3, "explanation"), tuple(4, "answer"),
					tuple(4, "basis"));
		assertThat(result.problems().get(0).message()).isEqualTo("不能为空");
		assertThat(result.questions()).isEmpty();
	}

	@Test
	void reportsAnUnknownCategoryAndAnUnknownType() {
		var result = check(single("q-1"), single("q-2"), single("q-3"), with(single("q-4"), "category", "FOO"),
				with(single("q-5"), "type", "ESSAY"));

		assertThat(result.problems()).extracting(RowProblem::toString)
			.containsExactly("第5行「category」：未知的分类 \"FOO\"（可选：PERSONAL_INFORMATION（个人信息保护）、CYBERSECURITY_LAW（网络安全法）、"
					+ "DATA_SECURITY_LAW（数据安全法）、CII_REGULATIONS（关键信息基础设施安全保护条例）、EVERYDAY（日常网络安全常识））",
					"第6行「type」：未知的题型 \"ESSAY\"（可选：SINGLE 单选、MULTIPLE 多选、TRUE_FALSE 判断）");
	}

	@Test
	void reportsADuplicateIdWithTheRowThatHasItFirst() {
		var result = check(single("q-1"), single("q-2"), single("q-1"));

		assertThat(result.problems()).containsExactly(new RowProblem(4, "id", "题号 \"q-1\" 与第2行重复"));
	}

	@Test
	void reportsAnIdThatCannotBeOne() {
		var result = check(single("q 1"), single("x".repeat(65)));

		assertThat(result.problems()).extracting(RowProblem::row, RowProblem::column).containsExactly(tuple(2, "id"),
				tuple(3, "id"));
		assertThat(result.problems().get(1).message()).isEqualTo("超过 64 个字（现有 65 个）");
	}

	@Test
	void choiceQuestionsNeedTwoToSixOptionsFilledFromA() {
		var result = check(with(single("q-1"), "option_B", "", "option_C", "", "option_D", "", "answer", "A"),
				with(single("q-2"), "option_C", "", "option_E", "戊"),
				with(multiple("q-3"), "option_E", "戊", "option_F", "己"));

		assertThat(result.problems()).containsExactly(
				new RowProblem(2, "option_B", "单选题和多选题须有 2 到 6 个选项，这里只有 1 个"),
				new RowProblem(3, "option_C", "选项须从 A 起连续填写：option_C 为空，option_D 却有内容"));
	}

	@Test
	void aTrueFalseQuestionHasNoOptionsOfItsOwn() {
		var result = check(with(trueFalse("q-1"), "option_A", "对", "option_B", "错"));

		assertThat(result.problems())
			.containsExactly(new RowProblem(2, "option_A", "判断题不填选项（固定为 T 正确、F 错误），请留空"));
	}

	@Test
	void answerKeysMustBeOptions() {
		var result = check(with(single("q-1"), "answer", "E"), with(trueFalse("q-2"), "answer", "A"));

		assertThat(result.problems()).containsExactly(new RowProblem(2, "answer", "答案 E 不在选项中（选项：A、B、C、D）"),
				new RowProblem(3, "answer", "答案 A 不在选项中（选项：T、F）"));
	}

	@Test
	void singleAndTrueFalseHaveExactlyOneRightOptionAndMultipleAtLeastTwo() {
		var result = check(with(single("q-1"), "answer", "A|B"), with(trueFalse("q-2"), "answer", "T|F"),
				with(multiple("q-3"), "answer", "B"));

		assertThat(result.problems()).containsExactly(new RowProblem(2, "answer", "单选题须有且只有 1 个正确答案，这里有 2 个"),
				new RowProblem(3, "answer", "判断题须有且只有 1 个正确答案，这里有 2 个"),
				new RowProblem(4, "answer", "多选题至少需要 2 个正确答案，这里只有 1 个"));
	}

	@Test
	void reportsOverLongTextWithItsLength() {
		var result = check(with(single("q-1"), "stem", "题".repeat(501), "option_C", "长".repeat(201), "explanation",
				"解".repeat(1001), "basis", "据".repeat(201)));

		assertThat(result.problems()).extracting(RowProblem::column, RowProblem::message)
			.containsExactly(tuple("stem", "超过 500 个字（现有 501 个）"), tuple("option_C", "超过 200 个字（现有 201 个）"),
					tuple("explanation", "超过 1000 个字（现有 1001 个）"), tuple("basis", "超过 200 个字（现有 201 个）"));
	}

	@Test
	void headerProblemsAreRowOnesAndStopTheCheck() {
		List<String> header = new ArrayList<>(BankColumns.ALL);
		header.remove("answer");
		header.set(header.indexOf("category"), "categroy");
		header.add("ID");
		var result = BankValidation.check(new Table(header, List.of(new Table.Row(2, List.of("garbage")))), 100);

		assertThat(result.problems()).extracting(RowProblem::row, RowProblem::column)
			.containsExactly(tuple(1, "id"), tuple(1, "category"), tuple(1, "answer"), tuple(1, "categroy"));
		assertThat(result.problems()).extracting(RowProblem::message)
			.containsExactly("这一列出现了两次", "缺少这一列", "缺少这一列", "未知的列（可用的列：id、category、type、stem、option_A、option_B、"
					+ "option_C、option_D、option_E、option_F、answer、explanation、basis）");
	}

	@Test
	void optionalOptionColumnsMayBeLeftOutAndColumnsComeInAnyOrder() {
		List<String> header = List.of("basis", "explanation", "answer", "option_B", "option_A", "stem", "type",
				"category", "id");
		var result = BankValidation.check(new Table(header,
				List.of(new Table.Row(2, List.of("常识", "解析", "B", "乙", "甲", "题干", "SINGLE", "EVERYDAY", "q-1")))), 100);

		assertThat(result.problems()).isEmpty();
		assertThat(result.questions().get(0).options()).containsExactly(Map.entry("A", "甲"), Map.entry("B", "乙"));
	}

	@Test
	void blankRowsAreSkippedButKeepTheirNumbers() {
		List<Map<String, String>> rows = List.of(single("q-1"), blank(), with(single("q-2"), "category", "FOO"));

		var result = check(rows.toArray(Map[]::new));

		assertThat(result.problems()).extracting(RowProblem::row).containsExactly(4);
	}

	@Test
	void aFileWithoutQuestionsOrWithTooManyIsRefused() {
		assertThat(check().problems()).containsExactly(new RowProblem(2, "id", "文件中没有题目"));
		assertThat(BankValidation.check(table(single("q-1"), single("q-2"), single("q-3")), 2).problems())
			.containsExactly(new RowProblem(4, "id", "题库最多 2 题，从这一行起超出了上限"));
	}

	@Test
	void reportsEveryProblemOfTheFileInRowOrder() {
		var result = check(with(single("q-1"), "answer", "Z"), single("q-2"), with(multiple("q-3"), "type", "X"),
				with(single("q-2"), "basis", ""));

		assertThat(result.valid()).isFalse();
		assertThat(result.questions()).isEmpty();
		assertThat(result.problems()).extracting(RowProblem::row, RowProblem::column)
			.containsExactly(tuple(2, "answer"), tuple(4, "type"), tuple(5, "id"), tuple(5, "basis"));
	}

	static Map<String, String> single(String id) {
		return row(id, "EVERYDAY", "SINGLE", "甲乙丙丁哪个对？", List.of("甲", "乙", "丙", "丁"), "B");
	}

	static Map<String, String> multiple(String id) {
		return row(id, "CYBERSECURITY_LAW", "MULTIPLE", "哪些对？", List.of("甲", "乙", "丙", "丁"), "A|C");
	}

	static Map<String, String> trueFalse(String id) {
		return row(id, "DATA_SECURITY_LAW", "TRUE_FALSE", "这句话对吗？", List.of(), "F");
	}

	static Map<String, String> row(String id, String category, String type, String stem, List<String> options,
			String answer) {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("category", category);
		row.put("type", type);
		row.put("stem", stem);
		for (int i = 0; i < options.size(); i++) {
			row.put(BankColumns.option(BankColumns.OPTION_KEYS.get(i)), options.get(i));
		}
		row.put("answer", answer);
		row.put("explanation", "因为如此。");
		row.put("basis", "常识");
		return row;
	}

	static Map<String, String> blank() {
		return Map.of();
	}

	static Map<String, String> with(Map<String, String> row, String... columnsAndValues) {
		Map<String, String> changed = new LinkedHashMap<>(row);
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			changed.put(columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return changed;
	}

	@SafeVarargs
	static Table table(Map<String, String>... rows) {
		List<Table.Row> table = new ArrayList<>();
		for (int i = 0; i < rows.length; i++) {
			Map<String, String> row = rows[i];
			table.add(new Table.Row(i + 2, BankColumns.ALL.stream().map(c -> row.getOrDefault(c, "")).toList()));
		}
		return new Table(BankColumns.ALL, table);
	}

	@SafeVarargs
	private static BankValidation.Result check(Map<String, String>... rows) {
		return BankValidation.check(table(rows), 100);
	}
}
