package org.netsecweek.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The progress (or report) document as a test client reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressView(String campaignId, String campaignName, String deadline, boolean frozen, String asOf,
		List<Row> unions, Row total) {

	public Row union(String unionId) {
		return unions.stream().filter(row -> unionId.equals(row.unionId())).findFirst().orElseThrow();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Row(String unionId, String name, long targetOrganisations, long organisationsActive,
			BigDecimal organisationsRate, long targetWorkers, long workersCovered, BigDecimal workersRate,
			long attempts, BigDecimal averageScore, long offlineActivities, long offlineParticipants, long draws,
			long prizesGiven, List<Day> days, List<Accuracy> categories, List<Accuracy> questions) {

		public Day day(LocalDate date) {
			return days.stream().filter(day -> day.day().equals(date)).findFirst().orElseThrow();
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Day(LocalDate day, long organisationsActive, long workers, long offlineActivities,
			long offlineParticipants) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Accuracy(String id, String category, long answered, long correct, BigDecimal accuracy) {
	}
}
