package org.netsecweek.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.netsecweek.reporting.report.Report;
import org.netsecweek.reporting.report.Report.Accuracy;
import org.netsecweek.reporting.report.Report.Day;

/**
 * The report as an XLSX workbook in the layout of the allocation table: title, 序号, 市（地）、产业工会, the two
 * target columns with the actual figures and completion rates beside them, the total row. Further sheets: per day,
 * accuracy per category, and every organisation with activity. Written with POI's streaming workbook, which keeps
 * only a window of rows in memory, so the province-wide organisation sheet never sits in memory at once.
 */
final class AllocationWorkbook {

	static final String TABLE_SHEET = "分配表完成情况";

	static final String TITLE = "全省职工个人信息保护主题日宣传分配表（完成情况）";

	private static final int WINDOW = 200;

	private AllocationWorkbook() {
	}

	/**
	 * Writes the workbook.
	 *
	 * @param organisations every organisation's row, consumed once, as it streams from the database
	 * @param orgName the organisation's name by id
	 */
	static void write(Report report, Iterable<OrganisationRows.Organisation> organisations,
			Function<String, String> orgName, Function<String, String> unionName, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		try {
			Styles styles = new Styles(workbook);
			table(workbook.createSheet(TABLE_SHEET), report, styles);
			days(workbook.createSheet("每日进度"), report, styles);
			categories(workbook.createSheet("答题正确率"), report, styles);
			organisations(workbook.createSheet("基层组织明细"), organisations, orgName, unionName, styles);
			workbook.write(out);
		}
		finally {
			workbook.close(); // also deletes the temporary files of the streamed rows
		}
	}

	private static void table(Sheet sheet, Report report, Styles styles) {
		cell(sheet.createRow(0), 0, TITLE, styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 10));
		cell(sheet.createRow(1), 0, report.campaignName() + "　报送截止：" + report.deadline().replace('T', ' ')
				+ "　" + (report.frozen() ? "已封存（数据截至 " + report.asOf() + "）" : "实时数据"), styles.text);
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 10));
		Row top = sheet.createRow(2);
		Row sub = sheet.createRow(3);
		String[] tops = { "序号", "市（地）、产业工会", "开展活动的基层工会组织（个）", "", "", "覆盖职工网民（人）", "", "",
				"线下活动（次）", "线下活动参与（人次）", "答题（人次）" };
		String[] subs = { "", "", "分配数", "实际数", "完成率", "分配数", "实际数", "完成率", "", "", "" };
		for (int c = 0; c < tops.length; c++) {
			cell(top, c, tops[c], styles.header);
			cell(sub, c, subs[c], styles.header);
		}
		for (int c : new int[] { 0, 1, 8, 9, 10 }) {
			sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
		}
		sheet.addMergedRegion(new CellRangeAddress(2, 2, 2, 4));
		sheet.addMergedRegion(new CellRangeAddress(2, 2, 5, 7));
		int r = 4;
		int number = 1;
		for (Report.Row row : report.unions()) {
			tableRow(sheet.createRow(r++), String.valueOf(number++), row, styles);
		}
		tableRow(sheet.createRow(r), "", report.total(), styles);
		sheet.setColumnWidth(0, 6 * 256);
		sheet.setColumnWidth(1, 20 * 256);
		for (int c = 2; c <= 10; c++) {
			sheet.setColumnWidth(c, 13 * 256);
		}
	}

	private static void tableRow(Row row, String number, Report.Row figures, Styles styles) {
		if (number.isEmpty()) {
			cell(row, 0, "", styles.text);
		}
		else {
			number(row, 0, Long.parseLong(number), styles.number);
		}
		cell(row, 1, figures.name(), styles.text);
		number(row, 2, figures.targetOrganisations(), styles.number);
		number(row, 3, figures.organisationsActive(), styles.number);
		rate(row, 4, figures.organisationsRate().doubleValue(), styles.percent);
		number(row, 5, figures.targetWorkers(), styles.number);
		number(row, 6, figures.workersCovered(), styles.number);
		rate(row, 7, figures.workersRate().doubleValue(), styles.percent);
		number(row, 8, figures.offlineActivities(), styles.number);
		number(row, 9, figures.offlineParticipants(), styles.number);
		number(row, 10, figures.attempts(), styles.number);
	}

	private static void days(Sheet sheet, Report report, Styles styles) {
		header(sheet.createRow(0), styles, "市（地）、产业工会", "日期", "开展活动的基层工会组织（个）", "占分配数",
				"答题职工（人）", "占分配数", "平均答对题数", "线下活动（次）", "线下活动参与（人次）");
		int r = 1;
		for (Report.Row union : withTotal(report)) {
			for (Day day : union.days()) {
				Row row = sheet.createRow(r++);
				cell(row, 0, union.name(), styles.text);
				cell(row, 1, day.day().toString(), styles.text);
				number(row, 2, day.organisationsActive(), styles.number);
				rate(row, 3, day.organisationsRate().doubleValue(), styles.percent);
				number(row, 4, day.workers(), styles.number);
				rate(row, 5, day.workersRate().doubleValue(), styles.percent);
				rate(row, 6, day.averageScore().doubleValue(), styles.decimal);
				number(row, 7, day.offlineActivities(), styles.number);
				number(row, 8, day.offlineParticipants(), styles.number);
			}
		}
	}

	private static void categories(Sheet sheet, Report report, Styles styles) {
		header(sheet.createRow(0), styles, "市（地）、产业工会", "题目类别", "作答（题次）", "答对（题次）", "正确率");
		int r = 1;
		for (Report.Row union : withTotal(report)) {
			for (Accuracy category : union.categories()) {
				Row row = sheet.createRow(r++);
				cell(row, 0, union.name(), styles.text);
				cell(row, 1, Categories.name(category.category()), styles.text);
				number(row, 2, category.answered(), styles.number);
				number(row, 3, category.correct(), styles.number);
				rate(row, 4, category.accuracy().doubleValue(), styles.percent);
			}
		}
	}

	private static void organisations(Sheet sheet, Iterable<OrganisationRows.Organisation> organisations,
			Function<String, String> orgName, Function<String, String> unionName, Styles styles) {
		header(sheet.createRow(0), styles, "市（地）、产业工会", "基层工会组织编号", "基层工会组织", "答题（人次）",
				"覆盖职工（人）", "线下活动（次）", "线下活动参与（人次）");
		int r = 1;
		for (OrganisationRows.Organisation org : organisations) {
			Row row = sheet.createRow(r++);
			cell(row, 0, unionName.apply(org.unionId()), styles.text);
			cell(row, 1, org.orgId(), styles.text);
			cell(row, 2, orgName.apply(org.orgId()), styles.text);
			number(row, 3, org.attempts(), styles.number);
			number(row, 4, org.workers(), styles.number);
			number(row, 5, org.offlineActivities(), styles.number);
			number(row, 6, org.offlineParticipants(), styles.number);
		}
	}

	private static List<Report.Row> withTotal(Report report) {
		return java.util.stream.Stream.concat(report.unions().stream(), java.util.stream.Stream.of(report.total()))
			.toList();
	}

	private static void header(Row row, Styles styles, String... titles) {
		for (int c = 0; c < titles.length; c++) {
			cell(row, c, titles[c], styles.header);
		}
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void rate(Row row, int column, double value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle header;

		final CellStyle text;

		final CellStyle number;

		final CellStyle percent;

		final CellStyle decimal;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			title = workbook.createCellStyle();
			title.setFont(big);
			title.setAlignment(HorizontalAlignment.CENTER);
			header = bordered(workbook);
			header.setFont(bold);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			header.setWrapText(true);
			text = bordered(workbook);
			number = bordered(workbook);
			number.setDataFormat(workbook.createDataFormat().getFormat("0"));
			percent = bordered(workbook);
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
			decimal = bordered(workbook);
			decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
		}

		private static CellStyle bordered(SXSSFWorkbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}
	}
}
