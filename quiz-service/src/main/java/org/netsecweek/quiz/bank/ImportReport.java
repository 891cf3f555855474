package org.netsecweek.quiz.bank;

import java.util.List;

/**
 * What an import changed ({@code apply}) or would change ({@code preview}).
 *
 * @param mode {@code preview} or {@code apply}
 * @param valid whether the file has no problems, so that {@code apply} would take it
 * @param applied whether this request changed the bank (an apply of a file equal to the bank changes nothing)
 * @param version the bank's version after this request
 * @param questions how many questions the file holds
 * @param added ids new to the bank (or back after being removed)
 * @param changed ids whose question differs
 * @param unchanged ids whose question stays the same
 * @param removed ids the file no longer has; they leave the bank, but papers that show them still grade them
 * @param reordered whether the questions kept change their order
 * @param errors every problem of the file, by row and column; empty when valid
 */
record ImportReport(String mode, boolean valid, boolean applied, long version, int questions, List<String> added,
		List<String> changed, List<String> unchanged, List<String> removed, boolean reordered,
		List<RowProblem> errors) {

	static ImportReport of(String mode, BankDiff diff, int questions, long version, boolean applied) {
		return new ImportReport(mode, diff.problems().isEmpty(), applied, version, questions, diff.added(),
				diff.changed(), diff.unchanged(), diff.removed(), diff.reordered(), diff.problems());
	}

	static ImportReport invalid(String mode, long version, List<RowProblem> errors) {
		return new ImportReport(mode, false, false, version, 0, List.of(), List.of(), List.of(), List.of(), false,
				errors);
	}
}
