package org.netsecweek.quiz.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * A sheet of text cells as an import file holds it: the header (row 1) and the data rows, each with the row number
 * a spreadsheet shows for it.
 */
record Table(List<String> header, List<Row> rows) {

	Table {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
	}

	/** A data row; cells line up with the header, and a missing or {@code null} cell reads as empty. */
	record Row(int number, List<String> cells) {

		Row {
			cells = new ArrayList<>(cells).stream().map(c -> c == null ? "" : c).toList();
		}

		String cell(int column) {
			return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
		}

		boolean isBlank() {
			return cells.stream().allMatch(String::isBlank);
		}
	}
}
