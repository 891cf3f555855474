package org.netsecweek.reporting.participation;

/**
 * What one union's workers did in a campaign, counted from the facts.
 *
 * @param organisationsActive distinct grassroots organisations with at least one participation
 * @param workersCovered distinct workers with at least one participation
 * @param attempts participations (at most one per worker and campaign day)
 * @param draws draws that took place (not the rejected ones)
 * @param prizesGiven draws that won a prize
 */
public record UnionTally(String unionId, long organisationsActive, long workersCovered, long attempts, long draws,
		long prizesGiven) {

	/** A union without any participation yet. */
	public static UnionTally none(String unionId) {
		return new UnionTally(unionId, 0, 0, 0, 0, 0);
	}
}
