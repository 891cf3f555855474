package org.netsecweek.quiz.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What replacing the bank with an import file's questions changes, and which of those changes today's papers
 * forbid. A question on a paper already shown today keeps what grading and the worker's screen depend on (stem,
 * type, options, answer) until tomorrow; its explanation, basis and category may change, and it may be removed:
 * removed questions are retired, not deleted, so the papers pinned to them still grade the same. No Spring.
 *
 * @param added ids new to the bank (or back after being removed)
 * @param changed ids whose question differs
 * @param unchanged ids whose question is the same
 * @param removed ids the file no longer has
 * @param reordered whether questions kept in the bank change their order
 * @param problems the forbidden changes, at the row and column of the file that makes them
 */
record BankDiff(List<String> added, List<String> changed, List<String> unchanged, List<String> removed,
		boolean reordered, List<RowProblem> problems) {

	static BankDiff between(QuestionBank.Snapshot stored, BankValidation.Result file, Set<String> onTodaysPapers) {
		Map<String, Question> active = new LinkedHashMap<>();
		stored.active().forEach(q -> active.put(q.id(), q));
		List<String> added = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		for (Question question : file.questions()) {
			Question current = active.get(question.id());
			(current == null ? added : current.equals(question) ? unchanged : changed).add(question.id());
			Question before = stored.byId().get(question.id());
			String column = before == null || !onTodaysPapers.contains(question.id()) ? null
					: gradingChange(before, question);
			if (column != null) {
				problems.add(new RowProblem(file.rows().get(question.id()), column, "题目 \"" + question.id()
						+ "\" 已在今天发出的试卷上，今天不能修改它的题干、题型、选项和答案（解析、依据和分类可以改）；请明天再改，或改用新题号"));
			}
		}
		List<String> removed = active.keySet().stream().filter(id -> !file.rows().containsKey(id)).toList();
		List<String> keptInFile = file.questions().stream().map(Question::id).filter(active::containsKey).toList();
		List<String> keptInBank = active.keySet().stream().filter(file.rows()::containsKey).toList();
		return new BankDiff(added, changed, unchanged, removed, !keptInFile.equals(keptInBank), problems);
	}

	/** Whether applying the file would change the bank at all. */
	boolean changesAnything() {
		return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty() || reordered;
	}

	/** The first column whose change would alter how a worker sees or is graded on the question, or {@code null}. */
	private static String gradingChange(Question before, Question after) {
		if (before.type() != after.type()) {
			return BankColumns.TYPE;
		}
		if (!before.stem().equals(after.stem())) {
			return BankColumns.STEM;
		}
		for (String key : BankColumns.OPTION_KEYS) {
			if (!Objects.equals(before.options().get(key), after.options().get(key))) {
				return BankColumns.option(key);
			}
		}
		return before.answer().equals(after.answer()) ? null : BankColumns.ANSWER;
	}
}
