package org.netsecweek.reporting.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.CampaignDefinition.Union;
import org.netsecweek.reporting.participation.UnionTally;
import org.netsecweek.reporting.progress.Progress.Row;

/** Lays the tallies out as the allocation table, with rates and the total row. No Spring, no I/O. */
final class ProgressTable {

	static final String TOTAL_NAME = "合计";

	private static final int RATE_SCALE = 4;

	private ProgressTable() {
	}

	/**
	 * The progress of the unions the caller may see, in the allocation table's order. The total sums only those
	 * rows, so a union admin's total is their own row: they must not learn the province's figures from it.
	 */
	static Progress of(CampaignDefinition campaign, Map<String, UnionTally> tallies, Predicate<String> visible) {
		List<Row> rows = campaign.unions()
			.stream()
			.filter(union -> visible.test(union.id()))
			.map(union -> row(union, tallies.getOrDefault(union.id(), UnionTally.none(union.id()))))
			.toList();
		return new Progress(campaign.id(), campaign.name(),
				campaign.reportDeadline().atZone(campaign.timeZone()).toOffsetDateTime(), rows, total(rows));
	}

	/** actual / target, rounded half-up to 4 decimals; 0 when there is no target. May exceed 1. */
	static BigDecimal rate(long actual, long target) {
		if (target <= 0) {
			return BigDecimal.ZERO.setScale(RATE_SCALE);
		}
		return BigDecimal.valueOf(actual).divide(BigDecimal.valueOf(target), RATE_SCALE, RoundingMode.HALF_UP);
	}

	private static Row row(Union union, UnionTally tally) {
		return new Row(union.id(), union.name(), union.targetOrganisations(), tally.organisationsActive(),
				rate(tally.organisationsActive(), union.targetOrganisations()), union.targetWorkers(),
				tally.workersCovered(), rate(tally.workersCovered(), union.targetWorkers()), tally.attempts(),
				tally.draws(), tally.prizesGiven());
	}

	/** Workers and organisations belong to one union each, so the total row is the sum of the rows. */
	private static Row total(List<Row> rows) {
		long targetOrganisations = rows.stream().mapToLong(Row::targetOrganisations).sum();
		long organisations = rows.stream().mapToLong(Row::organisationsActive).sum();
		long targetWorkers = rows.stream().mapToLong(Row::targetWorkers).sum();
		long workers = rows.stream().mapToLong(Row::workersCovered).sum();
		return new Row(null, TOTAL_NAME, targetOrganisations, organisations, rate(organisations, targetOrganisations),
				targetWorkers, workers, rate(workers, targetWorkers), rows.stream().mapToLong(Row::attempts).sum(),
				rows.stream().mapToLong(Row::draws).sum(), rows.stream().mapToLong(Row::prizesGiven).sum());
	}
}
