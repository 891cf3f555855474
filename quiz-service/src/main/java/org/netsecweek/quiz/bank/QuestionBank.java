package org.netsecweek.quiz.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The questions with their keys, loaded once at start-up from {@code questions/bank.yml}. A question that cannot
 * be graded (no options, a key that is not an option, a single-choice question with two keys) stops the service.
 */
@Component
public class QuestionBank {

	private final Map<String, Question> byId = new LinkedHashMap<>();

	QuestionBank() {
		this(new ClassPathResource("questions/bank.yml"));
	}

	QuestionBank(ClassPathResource file) {
		YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = file.getInputStream()) {
			for (Question question : yaml.readValue(in, new TypeReference<List<Question>>() {
			})) {
				check(question);
				if (byId.putIfAbsent(question.id(), question) != null) {
					throw new IllegalStateException("Question bank: id " + question.id() + " is used twice");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the question bank " + file.getPath(), ex);
		}
	}

	public Optional<Question> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** The questions of a category, or all of them for {@code null}, in the bank's order. */
	public List<Question> questions(String category) {
		return byId.values().stream().filter(q -> category == null || q.category().equals(category)).toList();
	}

	private static void check(Question q) {
		String where = "Question bank: question " + q.id() + ": ";
		if (q.options().size() < 2) {
			throw new IllegalStateException(where + "needs at least two options");
		}
		if (q.answer().isEmpty() || !q.options().keySet().containsAll(q.answer())) {
			throw new IllegalStateException(where + "answer " + q.answer() + " is not among options "
					+ q.options().keySet());
		}
		if (q.type() != QuestionType.MULTIPLE && q.answer().size() != 1) {
			throw new IllegalStateException(where + q.type() + " takes exactly one right option");
		}
		if (q.type() == QuestionType.TRUE_FALSE && !q.options().keySet().equals(new HashSet<>(Set.of("T", "F")))) {
			throw new IllegalStateException(where + "TRUE_FALSE takes options T and F");
		}
		if (q.explanation() == null || q.explanation().isBlank() || q.basis() == null || q.basis().isBlank()) {
			throw new IllegalStateException(where + "needs an explanation and a basis");
		}
	}
}
