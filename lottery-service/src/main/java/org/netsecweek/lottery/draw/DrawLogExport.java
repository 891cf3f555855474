package org.netsecweek.lottery.draw;

import java.util.List;
import java.util.UUID;

import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;

/**
 * A campaign's draw log as published once its seed is revealed ({@code GET /api/fairness/{campaignId}/log}): with
 * the seed, everything needed to recompute every draw without the service ({@link VerifyDraws}).
 *
 * @param seedCommitment hex SHA-256 of the seed, published before the first draw
 * @param noPrizeWeight the weight of "谢谢参与"
 * @param whenOutOfStock {@code DRAW_AGAIN}: a number is mapped over no prize and the prizes available on the draw's
 * day; {@code NO_PRIZE}: over no prize and all prizes, landing on one with nothing available being no prize
 * @param release {@code ALL_AT_ONCE} or {@code DAILY} (each quantity spread evenly over {@code days}, the remainder
 * on the first days, units not won rolling over)
 * @param days the campaign's days; an entry's {@code day} counts from 1
 * @param prizes the pool in pool order, each with the quantity the campaign gives away
 * @param lastSeq the sequence number of the chain's head, so a dropped last entry shows
 * @param lastHash the hash of the chain's head
 * @param entries the log in sequence order
 */
record DrawLogExport(String campaignId, String seedCommitment, int noPrizeWeight, OutOfStock whenOutOfStock,
		Release release, int days, List<PoolPrize> prizes, long lastSeq, String lastHash, List<LoggedDraw> entries) {

	DrawLogExport {
		prizes = List.copyOf(prizes);
		entries = List.copyOf(entries);
	}

	/** A prize of the pool with the quantity the campaign gives away. */
	record PoolPrize(String id, String name, int weight, int quantity) {
	}

	/**
	 * One performed draw as the log holds it.
	 *
	 * @param outcome {@code PRIZE} or {@code NO_PRIZE}
	 * @param prizeId {@code null} for no prize
	 * @param day the campaign day the draw was performed on (1 = the first day); {@code null} only for entries
	 * logged before days were
	 */
	record LoggedDraw(long seq, UUID drawId, String drawHmac, String outcome, String prizeId, Integer day,
			String previousHash, String hash) {
	}
}
