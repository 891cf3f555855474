package org.netsecweek.quiz.bank;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.netsecweek.platform.problem.DomainProblem;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads and writes the bank as an Excel workbook (XLSX), on its first sheet. Reading streams the sheet (no
 * workbook model in memory) and takes each cell as Excel displays it, formulas by their last computed value.
 */
final class XlsxTables {

	private static final Map<String, Integer> COLUMN_WIDTHS = Map.of(BankColumns.STEM, 60, BankColumns.EXPLANATION, 60,
			BankColumns.BASIS, 30, BankColumns.CATEGORY, 24, BankColumns.ID, 16, BankColumns.TYPE, 12,
			BankColumns.ANSWER, 10);

	private XlsxTables() {
	}

	/** The header and at most {@code maxRows} non-blank data rows of the first sheet. */
	static Table read(byte[] file, int maxRows) {
		try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(file))) {
			XSSFReader reader = new XSSFReader(workbook);
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			if (!sheets.hasNext()) {
				throw new UnreadableBankFile("工作簿里没有工作表。");
			}
			Rows rows = new Rows(maxRows);
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
					new ReadOnlySharedStringsTable(workbook, false), rows, new DataFormatter(), false));
			try (InputStream sheet = sheets.next()) {
				xml.parse(new InputSource(sheet));
			}
			catch (Rows.Enough enough) {
				// the rest would be refused anyway
			}
			return rows.table();
		}
		catch (DomainProblem problem) {
			throw problem;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw new UnreadableBankFile("这不是有效的 xlsx 文件（.xls 等旧格式请在 Excel 中另存为 .xlsx）：" + ex.getMessage());
		}
	}

	static byte[] write(List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("题库");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			fill(sheet.createRow(0), header, bold);
			for (int i = 0; i < rows.size(); i++) {
				fill(sheet.createRow(i + 1), rows.get(i), null);
			}
			sheet.createFreezePane(0, 1);
			for (int i = 0; i < header.size(); i++) {
				sheet.setColumnWidth(i, COLUMN_WIDTHS.getOrDefault(header.get(i), 24) * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void fill(Row row, List<String> cells, CellStyle style) {
		for (int i = 0; i < cells.size(); i++) {
			var cell = row.createCell(i);
			cell.setCellValue(cells.get(i));
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	/** Collects the sheet's rows as the streaming parser reports them. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int maxRows;

		private List<String> header = List.of();

		private final List<Table.Row> rows = new ArrayList<>();

		private List<String> current;

		private int filled;

		Rows(int maxRows) {
			this.maxRows = maxRows;
		}

		@Override
		public void startRow(int rowIndex) {
			current = new ArrayList<>();
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? current.size() : new CellReference(reference).getCol();
			while (current.size() <= column) {
				current.add("");
			}
			current.set(column, value == null ? "" : value);
		}

		@Override
		public void endRow(int rowIndex) {
			if (rowIndex == 0) {
				header = current;
				return;
			}
			Table.Row row = new Table.Row(rowIndex + 1, current);
			rows.add(row);
			if (!row.isBlank() && ++filled > maxRows) {
				throw new Enough();
			}
		}

		Table table() {
			return new Table(header, rows);
		}

		/** Stops the parser once enough rows are in. */
		private static final class Enough extends RuntimeException {

			Enough() {
				super(null, null, false, false);
			}
		}
	}
}
