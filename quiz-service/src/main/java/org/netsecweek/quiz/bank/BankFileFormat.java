package org.netsecweek.quiz.bank;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;

/** The file formats the bank is imported and exported in. Both have the columns of {@link BankColumns}. */
enum BankFileFormat {

	CSV(new MediaType("text", "csv", StandardCharsets.UTF_8)),

	XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

	private final MediaType mediaType;

	BankFileFormat(MediaType mediaType) {
		this.mediaType = mediaType;
	}

	/**
	 * The format a request names with {@code format}, or else by its content type.
	 * @throws UnsupportedBankFileFormat if neither names a supported format
	 */
	static BankFileFormat of(String format, MediaType contentType) {
		if (format != null && !format.isBlank()) {
			return Arrays.stream(values())
				.filter(f -> f.name().equalsIgnoreCase(format.strip()))
				.findFirst()
				.orElseThrow(() -> new UnsupportedBankFileFormat(format));
		}
		return Arrays.stream(values())
			.filter(f -> contentType != null && f.mediaType.isCompatibleWith(contentType))
			.findFirst()
			.orElseThrow(() -> new UnsupportedBankFileFormat(format));
	}

	MediaType mediaType() {
		return mediaType;
	}

	String extension() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The file's table, with at most {@code maxRows} + 1 data rows; blocking, so never on an event loop thread. */
	Table read(byte[] file, int maxRows) {
		return this == CSV ? CsvTables.read(file, maxRows) : XlsxTables.read(file, maxRows);
	}

	/** The questions as a file, a header row first; blocking, so never on an event loop thread. */
	byte[] write(List<Question> questions) {
		List<List<String>> rows = questions.stream().map(BankColumns::cells).toList();
		return this == CSV ? CsvTables.write(BankColumns.ALL, rows) : XlsxTables.write(BankColumns.ALL, rows);
	}
}
