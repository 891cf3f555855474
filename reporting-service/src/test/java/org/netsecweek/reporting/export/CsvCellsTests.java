package org.netsecweek.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTests {

	@Test
	void cellsASpreadsheetWouldRunAsAFormulaGetAQuote() {
		assertThat(CsvCells.text("=1+1")).isEqualTo("'=1+1");
		assertThat(CsvCells.text("+86 139")).isEqualTo("'+86 139");
		assertThat(CsvCells.text("-2")).isEqualTo("'-2");
		assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.text("\tcmd")).isEqualTo("'\tcmd");
	}

	@Test
	void otherCellsStayAsTheyAre() {
		assertThat(CsvCells.text("鸡西市")).isEqualTo("鸡西市");
		assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
		assertThat(CsvCells.text("")).isEmpty();
		assertThat(CsvCells.text(null)).isEmpty();
	}
}
