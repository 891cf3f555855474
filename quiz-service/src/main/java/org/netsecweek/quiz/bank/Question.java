package org.netsecweek.quiz.bank;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A question of the bank with its key.
 *
 * @param category e.g. {@code PERSONAL_INFORMATION}; the theme day's papers are drawn from one category
 * @param options option key to text, in the bank's order (pages show them shuffled per worker)
 * @param answer the keys of the right options
 * @param basis the law and article the question rests on, or {@code 常识}
 */
public record Question(String id, String category, QuestionType type, String stem, Map<String, String> options,
		Set<String> answer, String explanation, String basis) {

	public Question {
		options = new LinkedHashMap<>(options);
		answer = Set.copyOf(answer);
	}

	/** Right when exactly the keyed options were chosen. */
	public boolean isAnsweredBy(Set<String> chosen) {
		return answer.equals(chosen);
	}
}
