package org.netsecweek.lottery.entitlement;

import java.util.UUID;

/**
 * A worker's draws in one campaign, as read under the row's lock.
 *
 * @param drawsEarned the largest {@code drawsEarned} any PointsAwarded announced (totals only grow, and events may
 * arrive out of order, so the largest is the newest)
 * @param drawsUsed draws performed; never more than earned (a table constraint as well)
 */
public record Entitlement(String campaignId, UUID workerId, int drawsEarned, int drawsUsed) {

	public int drawsLeft() {
		return drawsEarned - drawsUsed;
	}

	public boolean hasDrawLeft() {
		return drawsLeft() > 0;
	}

	public Key key() {
		return new Key(campaignId, workerId);
	}

	/** Whose entitlement: a worker in a campaign. */
	public record Key(String campaignId, UUID workerId) {
	}
}
