package org.netsecweek.reporting.progress;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign's progress in the layout of its allocation table: one row per union, in the table's order, and the
 * total row.
 *
 * @param deadline when every union must report, in the campaign's time zone
 * @param unions the rows the caller may see
 * @param total the sum of those rows
 */
record Progress(String campaignId, String campaignName, OffsetDateTime deadline, List<Row> unions, Row total) {

	/**
	 * One union (or the total) with its targets and what was reached.
	 *
	 * @param unionId the union's id; {@code null} on the total row
	 * @param organisationsRate organisationsActive / targetOrganisations, 4 decimals; 0 when the target is 0
	 * @param workersRate workersCovered / targetWorkers, 4 decimals; 0 when the target is 0
	 * @param attempts participations (at most one per worker and day)
	 * @param draws draws that took place
	 * @param prizesGiven draws that won a prize
	 */
	record Row(String unionId, String name, long targetOrganisations, long organisationsActive,
			BigDecimal organisationsRate, long targetWorkers, long workersCovered, BigDecimal workersRate,
			long attempts, long draws, long prizesGiven) {
	}
}
