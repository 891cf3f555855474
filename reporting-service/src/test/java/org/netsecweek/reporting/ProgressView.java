package org.netsecweek.reporting;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The progress document as a test client reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressView(String campaignId, String campaignName, String deadline, List<Row> unions, Row total) {

	public Row union(String unionId) {
		return unions.stream().filter(row -> unionId.equals(row.unionId())).findFirst().orElseThrow();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Row(String unionId, String name, long targetOrganisations, long organisationsActive,
			BigDecimal organisationsRate, long targetWorkers, long workersCovered, BigDecimal workersRate,
			long attempts, long draws, long prizesGiven) {
	}
}
