package org.netsecweek.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

class SeedFileTests {

	@Test
	void readsEntriesThroughTheImportChecks() {
		var questions = SeedFile.questions(yaml("""
				- id: q-1
				  category: EVERYDAY
				  type: SINGLE
				  stem: 哪个对？
				  options: { A: 甲, B: 乙 }
				  answer: [B]
				  explanation: 因为。
				  basis: 常识
				- id: q-2
				  category: EVERYDAY
				  type: TRUE_FALSE
				  stem: 对吗？
				  options: { T: 对, F: 错 }
				  answer: [T]
				  explanation: 因为。
				  basis: 常识
				"""));

		assertThat(questions).extracting(Question::id).containsExactly("q-1", "q-2");
		assertThat(questions.get(1).options()).isEqualTo(Map.of("T", "正确", "F", "错误"));
	}

	@Test
	void namesEveryProblemOfTheFileByEntryAndField() {
		assertThatIllegalStateException().isThrownBy(() -> SeedFile.questions(yaml("""
				- id: q-1
				  category: EVERYDAY
				  type: TRUE_FALSE
				  stem: 对吗？
				  options: { A: 对, B: 错 }
				  answer: [T]
				  explanation: 因为。
				  basis: 常识
				  colour: red
				- id: q-1
				  category: SPORTS
				  type: SINGLE
				  stem: 哪个对？
				  options: { A: 甲, B: 乙, G: 庚 }
				  answer: [C]
				  explanation: 因为。
				  basis: 常识
				"""))).withMessageContainingAll("第1题「options」：判断题的选项须为 T 和 F", "第1题「colour」：未知的字段",
						"第2题「options」：选项 \"G\" 无效", "第2题「id」：题号 \"q-1\" 与第1行重复",
						"第2题「category」：未知的分类 \"SPORTS\"", "第2题「answer」：答案 C 不在选项中");
	}

	private static ByteArrayResource yaml(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test bank");
	}
}
