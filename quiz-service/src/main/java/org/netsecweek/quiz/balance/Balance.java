package org.netsecweek.quiz.balance;

/**
 * A worker's points and draws as quiz-service knows them. Points come from scoring-service's PointsAwarded
 * events, so a fresh submission shows up here a moment later.
 *
 * @param drawsEarned draws earned by the points so far
 * @param drawsRequested draws the worker has asked for
 * @param pointsProcessing an attempt's points are not booked yet: the total will still grow
 * @param drawsPending draws asked for whose outcome has not arrived yet
 */
public record Balance(String campaignId, int total, int drawsEarned, int drawsRequested, boolean pointsProcessing,
		int drawsPending) {

	/** Draws the worker may still ask for. */
	public int drawsAvailable() {
		return Math.max(0, drawsEarned - drawsRequested);
	}
}
