package org.netsecweek.quiz.attempt;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.netsecweek.quiz.bank.Question;

/** Grades answers against a paper. An unanswered question is wrong. No Spring. */
final class Grading {

	private Grading() {
	}

	static GradedAttempt grade(UUID attemptId, String campaignId, LocalDate day, List<Question> paper,
			Map<String, Set<String>> answers, int pointsPerCorrectAnswer) {
		List<GradedAttempt.Outcome> results = paper.stream().map(question -> {
			Set<String> chosen = answers.getOrDefault(question.id(), Set.of());
			return new GradedAttempt.Outcome(question.id(), question.category(), question.isAnsweredBy(chosen),
					List.copyOf(new TreeSet<>(chosen)), List.copyOf(new TreeSet<>(question.answer())),
					question.explanation(), question.basis());
		}).toList();
		int correct = (int) results.stream().filter(GradedAttempt.Outcome::correct).count();
		return new GradedAttempt(attemptId, campaignId, day, correct, paper.size(), correct * pointsPerCorrectAnswer,
				results);
	}

	/** The first problem with the answers given this paper, or {@code null} if they fit it. */
	static String misfit(List<Question> paper, Map<String, Set<String>> answers) {
		for (var entry : answers.entrySet()) {
			Question question = paper.stream().filter(q -> q.id().equals(entry.getKey())).findFirst().orElse(null);
			if (question == null) {
				return "题目 " + entry.getKey() + " 不在你今天的试卷上。";
			}
			if (!question.options().keySet().containsAll(entry.getValue())) {
				return "题目 " + entry.getKey() + " 没有选项 " + entry.getValue() + "。";
			}
			if (question.type() != org.netsecweek.quiz.bank.QuestionType.MULTIPLE && entry.getValue().size() > 1) {
				return "题目 " + entry.getKey() + " 只能选一个选项。";
			}
		}
		return null;
	}
}
