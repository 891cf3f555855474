package org.netsecweek.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

class BankFileFormatTests {

	private final List<Question> shipped = QuestionBankFixture.shippedQuestions();

	@Test
	void csvIsUtf8WithAByteOrderMarkAndReadsBackToTheSameQuestions() {
		byte[] file = BankFileFormat.CSV.write(shipped);

		assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("\uFEFFid,category,type,stem,option_A,option_B,"
				+ "option_C,option_D,option_E,option_F,answer,explanation,basis\r\n");
		assertThat(readBack(BankFileFormat.CSV, file)).isEqualTo(shipped);
	}

	@Test
	void xlsxReadsBackToTheSameQuestions() {
		assertThat(readBack(BankFileFormat.XLSX, BankFileFormat.XLSX.write(shipped))).isEqualTo(shipped);
	}

	@Test
	void cellsWithCommasQuotesAndLineBreaksSurviveBothFormats() {
		Question tricky = new Question("q-1", "EVERYDAY", QuestionType.SINGLE, "第一行，\n第二行 \"引号\"",
				new LinkedHashMap<>(Map.of("A", "甲,乙", "B", "=1+1")), Set.of("B"),
				"解析", "常识");
		for (BankFileFormat format : BankFileFormat.values()) {
			assertThat(readBack(format, format.write(List.of(tricky)))).containsExactly(tricky);
		}
	}

	@Test
	void aRowNumberIsTheSpreadsheetRowEvenWhenACellSpansLines() {
		Table table = CsvTables.read("id,stem\nq-1,\"两\n行\"\n\nq-2,x\n".getBytes(StandardCharsets.UTF_8), 10);

		assertThat(table.header()).containsExactly("id", "stem");
		assertThat(table.rows()).extracting(Table.Row::number).containsExactly(2, 3, 4);
		assertThat(table.rows().get(2).cell(0)).isEqualTo("q-2");
	}

	@Test
	void csvSavedByExcelOnAChineseWindowsIsReadAsGbk() {
		byte[] gbk = "id,stem\nq-1,个人信息\n".getBytes(Charset.forName("GBK"));

		assertThat(CsvTables.read(gbk, 10).rows().get(0).cell(1)).isEqualTo("个人信息");
	}

	@Test
	void garbledFilesAreUnreadableNotErrors() {
		byte[] xlsx = BankFileFormat.XLSX.write(shipped);
		assertThatExceptionOfType(UnreadableBankFile.class)
			.isThrownBy(() -> BankFileFormat.CSV.read("id,stem\nq-1,\"open\n".getBytes(StandardCharsets.UTF_8), 10))
			.withMessageContaining("CSV 格式有误");
		assertThatExceptionOfType(UnreadableBankFile.class).isThrownBy(() -> BankFileFormat.CSV.read(xlsx, 10));
		assertThatExceptionOfType(UnreadableBankFile.class).isThrownBy(() -> BankFileFormat.CSV.read(new byte[0], 10))
			.withMessage("文件是空的。");
		assertThatExceptionOfType(UnreadableBankFile.class)
			.isThrownBy(() -> BankFileFormat.XLSX.read("id,stem\n".getBytes(StandardCharsets.UTF_8), 10))
			.withMessageContaining("这不是有效的 xlsx 文件");
		assertThatExceptionOfType(UnreadableBankFile.class)
			.isThrownBy(() -> BankFileFormat.XLSX.read(Arrays.copyOf(xlsx, xlsx.length / 2), 10));
	}

	@Test
	void xlsxCellsReadAsExcelShowsThemAndRowsKeepTheirNumbers() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("题库");
			XSSFRow header = sheet.createRow(0);
			header.createCell(0).setCellValue("id");
			header.createCell(2).setCellValue("stem");
			sheet.createRow(3).createCell(0).setCellValue(42);
			workbook.write(out);

			Table table = XlsxTables.read(out.toByteArray(), 10);

			assertThat(table.header()).containsExactly("id", "", "stem");
			assertThat(table.rows()).singleElement().satisfies(row -> {
				assertThat(row.number()).isEqualTo(4);
				assertThat(row.cell(0)).isEqualTo("42");
			});
		}
	}

	@Test
	void readingStopsOnceTheFileHasMoreRowsThanABankMayHold() {
		List<Question> many = IntStream.range(0, 10)
			.mapToObj(i -> new Question("q-" + i, "EVERYDAY", QuestionType.TRUE_FALSE, "对吗？",
					BankValidation.TRUE_FALSE_OPTIONS, Set.of("T"), "因为。", "常识"))
			.toList();
		for (BankFileFormat format : BankFileFormat.values()) {
			assertThat(format.read(format.write(many), 3).rows()).hasSize(4);
		}
	}

	@Test
	void theFormatIsNamedOrTakenFromTheContentType() {
		assertThat(BankFileFormat.of("XLSX", MediaType.TEXT_PLAIN)).isEqualTo(BankFileFormat.XLSX);
		assertThat(BankFileFormat.of(null, MediaType.parseMediaType("text/csv"))).isEqualTo(BankFileFormat.CSV);
		assertThat(BankFileFormat.of("", BankFileFormat.XLSX.mediaType())).isEqualTo(BankFileFormat.XLSX);
		assertThatExceptionOfType(UnsupportedBankFileFormat.class).isThrownBy(() -> BankFileFormat.of("pdf", null));
		assertThatExceptionOfType(UnsupportedBankFileFormat.class)
			.isThrownBy(() -> BankFileFormat.of(null, MediaType.APPLICATION_OCTET_STREAM));
	}

	private static List<Question> readBack(BankFileFormat format, byte[] file) {
		var result = BankValidation.check(format.read(file, 1000), 1000);
		assertThat(result.problems()).isEmpty();
		return result.questions();
	}
}
