package org.netsecweek.reporting.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a report is written for its snapshot: no whitespace, object keys in alphabetical order, decimals as
 * written (never in exponent form), UTF-8. Independent of the application's JSON settings, so changing those never
 * changes a snapshot's bytes or hash.
 */
final class CanonicalJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private CanonicalJson() {
	}

	static String write(Report report) {
		return MAPPER.writeValueAsString(report);
	}

	static Report read(String json) {
		return MAPPER.readValue(json, Report.class);
	}

	static String sha256(String content) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
