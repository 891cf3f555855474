package org.netsecweek.lottery.draw;

import java.util.List;
import java.util.UUID;

/**
 * A campaign's draw log as published once its seed is revealed ({@code GET /api/fairness/{campaignId}/log}): with
 * the seed, everything needed to recompute every draw without the service ({@link VerifyDraws}).
 *
 * @param seedCommitment hex SHA-256 of the seed, published before the first draw
 * @param noPrizeWeight the weight of "谢谢参与"
 * @param prizes the pool in pool order, each with the quantity it started with
 * @param lastSeq the sequence number of the chain's head, so a dropped last entry shows
 * @param lastHash the hash of the chain's head
 * @param entries the log in sequence order
 */
record DrawLogExport(String campaignId, String seedCommitment, int noPrizeWeight, List<PoolPrize> prizes,
		long lastSeq, String lastHash, List<LoggedDraw> entries) {

	DrawLogExport {
		prizes = List.copyOf(prizes);
		entries = List.copyOf(entries);
	}

	/** A prize of the pool with its starting stock. */
	record PoolPrize(String id, String name, int weight, int quantity) {
	}

	/**
	 * One performed draw as the log holds it.
	 *
	 * @param outcome {@code PRIZE} or {@code NO_PRIZE}
	 * @param prizeId {@code null} for no prize
	 */
	record LoggedDraw(long seq, UUID drawId, String drawHmac, String outcome, String prizeId, String previousHash,
			String hash) {
	}
}
