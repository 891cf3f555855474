package org.netsecweek.quiz.organisation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a directory CSV ({@code union_id,org_id,name}, UTF-8, header row) and lists every problem by row and
 * column, so a bad file is refused whole with all that is wrong in it. No Spring.
 */
final class DirectoryCsv {

	static final List<String> COLUMNS = List.of("union_id", "org_id", "name");

	private DirectoryCsv() {
	}

	/**
	 * @param knownUnion whether a union id is one of the campaign's unions
	 * @param mayChange whether the importing admin may change that union's directory
	 */
	static Parsed parse(String text, Predicate<String> knownUnion, Predicate<String> mayChange) {
		List<Organisation> rows = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		try (Reader reader = new StringReader(body)) {
			var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader);
			if (!records.getHeaderNames().containsAll(COLUMNS)) {
				problems.add(new RowProblem(1, "header", "表头应为 " + String.join(",", COLUMNS)));
				return new Parsed(rows, problems);
			}
			Set<String> ids = new HashSet<>();
			Set<String> names = new HashSet<>();
			for (CSVRecord record : records) {
				int row = (int) record.getRecordNumber() + 1;
				String union = value(record, "union_id");
				String id = value(record, "org_id");
				String name = value(record, "name");
				int before = problems.size();
				if (union.isEmpty()) {
					problems.add(new RowProblem(row, "union_id", "缺少工会编号"));
				}
				else if (!knownUnion.test(union)) {
					problems.add(new RowProblem(row, "union_id", "未知的工会 \"" + union + "\""));
				}
				else if (!mayChange.test(union)) {
					problems.add(new RowProblem(row, "union_id", "无权修改工会 \"" + union + "\" 的名录"));
				}
				if (!id.matches("[a-z0-9][a-z0-9-]{0,59}")) {
					problems.add(new RowProblem(row, "org_id", "编号须为小写字母、数字和连字符，不超过60个字符"));
				}
				else if (!ids.add(id)) {
					problems.add(new RowProblem(row, "org_id", "编号 \"" + id + "\" 重复"));
				}
				if (name.isEmpty() || name.length() > 100) {
					problems.add(new RowProblem(row, "name", "名称不能为空，且不超过100个字符"));
				}
				else if (!names.add(union + "|" + name)) {
					problems.add(new RowProblem(row, "name", "同一工会下名称 \"" + name + "\" 重复"));
				}
				if (problems.size() == before) {
					rows.add(new Organisation(id, union, name));
				}
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			problems.add(new RowProblem(0, "file", "无法读取CSV文件：" + ex.getMessage()));
		}
		return new Parsed(rows, problems);
	}

	private static String value(CSVRecord record, String column) {
		return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
	}

	record Parsed(List<Organisation> organisations, List<RowProblem> problems) {
	}

	/**
	 * @param row the spreadsheet row (the header is row 1; 0 for the whole file)
	 */
	record RowProblem(int row, String column, String message) {
	}
}
