package org.netsecweek.quiz.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes the bank as CSV (RFC 4180). Written in UTF-8 with a byte order mark, so Excel opens the Chinese
 * text correctly; read as UTF-8 (with or without the mark) or, failing that, as GB18030, the encoding Excel on a
 * Chinese Windows saves CSV in. Row numbers are record numbers, which is what a spreadsheet shows even when a cell
 * spans several lines.
 */
final class CsvTables {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

	private static final char BOM = '\uFEFF';

	private CsvTables() {
	}

	/** The header and at most {@code maxRows} non-blank data rows (a bank larger than that is refused anyway). */
	static Table read(byte[] file, int maxRows) {
		String text = decode(file);
		if (text.isBlank()) {
			throw new UnreadableBankFile("文件是空的。");
		}
		if (text.indexOf('\0') >= 0) {
			throw new UnreadableBankFile("这不是 CSV 文本文件；Excel 文件请用 format=xlsx 上传。");
		}
		List<String> header = null;
		List<Table.Row> rows = new ArrayList<>();
		int filled = 0;
		try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
			for (CSVRecord record : parser) {
				if (header == null) {
					header = record.toList();
					continue;
				}
				Table.Row row = new Table.Row((int) record.getRecordNumber(), record.toList());
				rows.add(row);
				if (!row.isBlank() && ++filled > maxRows) {
					break;
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new UnreadableBankFile("CSV 格式有误（常见原因：引号没有成对）：" + ex.getMessage());
		}
		return new Table(header, rows);
	}

	static byte[] write(List<String> header, List<List<String>> rows) {
		StringBuilder out = new StringBuilder().append(BOM);
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(header);
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String decode(byte[] file) {
		for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
			try {
				String text = charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(file))
					.toString();
				return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
			}
			catch (CharacterCodingException ex) {
				// try the next encoding
			}
		}
		throw new UnreadableBankFile("文件既不是 UTF-8 也不是 GBK 编码的文本；请在 Excel 中另存为「CSV UTF-8」后重试。");
	}
}
