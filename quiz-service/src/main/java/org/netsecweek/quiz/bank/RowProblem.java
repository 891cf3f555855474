package org.netsecweek.quiz.bank;

/**
 * One thing wrong with an import file, where an admin finds it in a spreadsheet.
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1)
 * @param column the column's name in the header, e.g. {@code category}
 * @param message what is wrong, in Chinese
 */
record RowProblem(int row, String column, String message) {

	/** E.g. {@code 第5行「category」：未知的分类 "FOO"}. */
	@Override
	public String toString() {
		return "第" + row + "行「" + column + "」：" + message;
	}
}
