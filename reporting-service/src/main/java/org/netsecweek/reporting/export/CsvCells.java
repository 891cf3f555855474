package org.netsecweek.reporting.export;

/**
 * Cells a spreadsheet would run as a formula (starting with {@code = + - @}, or a tab or carriage return) get a
 * leading {@code '}, so an exported CSV never executes anything when opened (CSV injection). Numbers are written
 * as numbers, so a negative number cannot occur where this matters: every text cell passes here.
 */
final class CsvCells {

	private CsvCells() {
	}

	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}
}
