package org.netsecweek.reporting.activity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Which grassroots organisation belongs to which union, read at start-up from the directory file quiz-service is
 * seeded from (columns {@code union_id,org_id,name}; see {@link ActivitySettings#organisationDirectory()}). Used to
 * check offline activities; quiz facts are counted under the union and organisation their events name.
 */
@Component
public class OrganisationDirectory {

	private final Map<String, Organisation> byId = new LinkedHashMap<>();

	OrganisationDirectory(ActivitySettings settings, ResourceLoader resources) {
		try (Reader reader = new InputStreamReader(
				resources.getResource(settings.organisationDirectory()).getInputStream(), StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(reader)) {
				Organisation org = new Organisation(record.get("org_id").strip(), record.get("union_id").strip(),
						record.get("name").strip());
				byId.put(org.id(), org);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the organisation directory " + settings.organisationDirectory(),
					ex);
		}
		if (byId.isEmpty()) {
			throw new IllegalStateException("The organisation directory " + settings.organisationDirectory()
					+ " lists no organisation");
		}
	}

	public Optional<Organisation> find(String orgId) {
		return Optional.ofNullable(byId.get(orgId));
	}

	public record Organisation(String id, String unionId, String name) {
	}
}
