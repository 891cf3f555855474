package org.netsecweek.reporting.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.netsecweek.reporting.report.Report;

/** The allocation table and the organisation rows as CSV lines (RFC 4180, CRLF), every text cell guarded. */
final class TableCsv {

	static final List<String> TABLE_HEADER = List.of("序号", "市（地）、产业工会", "基层工会组织分配数", "基层工会组织实际数",
			"基层工会组织完成率", "覆盖职工分配数", "覆盖职工实际数", "覆盖职工完成率", "线下活动次数", "线下活动参与人次", "答题人次");

	static final List<String> ORGANISATION_HEADER = List.of("工会编号", "市（地）、产业工会", "基层工会组织编号", "基层工会组织",
			"答题人次", "覆盖职工", "线下活动次数", "线下活动参与人次");

	private TableCsv() {
	}

	/** The whole table: header, one line per union, the total line. */
	static String table(Report report) {
		StringBuilder csv = new StringBuilder(line(TABLE_HEADER));
		int number = 1;
		for (Report.Row row : report.unions()) {
			csv.append(tableLine(String.valueOf(number++), row));
		}
		return csv.append(tableLine("", report.total())).toString();
	}

	private static String tableLine(String number, Report.Row row) {
		return line(List.of(number, CsvCells.text(row.name()), String.valueOf(row.targetOrganisations()),
				String.valueOf(row.organisationsActive()), row.organisationsRate().toPlainString(),
				String.valueOf(row.targetWorkers()), String.valueOf(row.workersCovered()),
				row.workersRate().toPlainString(), String.valueOf(row.offlineActivities()),
				String.valueOf(row.offlineParticipants()), String.valueOf(row.attempts())));
	}

	static String organisation(OrganisationRows.Organisation org, String unionName, String orgName) {
		return line(List.of(CsvCells.text(org.unionId()), CsvCells.text(unionName), CsvCells.text(org.orgId()),
				CsvCells.text(orgName), String.valueOf(org.attempts()), String.valueOf(org.workers()),
				String.valueOf(org.offlineActivities()), String.valueOf(org.offlineParticipants())));
	}

	static String line(List<String> cells) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			printer.printRecord(cells);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}
}
