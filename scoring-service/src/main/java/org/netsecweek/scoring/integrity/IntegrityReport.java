package org.netsecweek.scoring.integrity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one integrity check of a campaign's ledger found.
 *
 * @param workers workers with a total
 * @param entries ledger entries
 * @param problemCounts problems found per check (every check named, zero when it passed)
 * @param problems the first {@link IntegrityCheck#LISTED} problems, each naming the worker
 */
public record IntegrityReport(String campaignId, Instant checkedAt, long workers, long entries, boolean passed,
		Map<String, Long> problemCounts, List<Problem> problems) {

	/** One thing wrong with one worker's points. */
	public record Problem(String check, UUID workerId, String detail) {
	}
}
