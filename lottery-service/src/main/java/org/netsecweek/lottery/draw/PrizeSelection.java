package org.netsecweek.lottery.draw;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;
import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;

/**
 * Maps a draw's random number onto a pool on the draw's campaign day. Whoever verifies a draw repeats exactly this:
 * read the HMAC's first 8 bytes as an unsigned 64-bit integer, take it modulo the total weight, and walk the
 * cumulative weights: first the no-prize outcome, then the candidate prizes in pool order. The candidates are the
 * prizes available that day ({@code DRAW_AGAIN}), or all prizes ({@code NO_PRIZE}, where landing on one with nothing
 * available that day is no prize). Available = released through the day minus won so far
 * ({@link PrizePool#available}). The modulo's bias is below total / 2^64, far too small to matter for int weights.
 */
final class PrizeSelection {

	private PrizeSelection() {
	}

	/** The prize the number lands on on that campaign day, or empty for "谢谢参与". */
	static Optional<Prize> select(byte[] hmac, PrizePool pool, int day) {
		if (hmac.length < Long.BYTES) {
			throw new IllegalArgumentException("A draw's random number has at least 8 bytes, not " + hmac.length);
		}
		List<Prize> candidates = pool.whenOutOfStock() == OutOfStock.NO_PRIZE ? pool.prizes() : pool.availableOn(day);
		long total = Math.max(pool.noPrizeWeight(), 0);
		for (Prize prize : candidates) {
			total += prize.weight();
		}
		if (total == 0) {
			return Optional.empty();
		}
		long point = Long.remainderUnsigned(ByteBuffer.wrap(hmac, 0, Long.BYTES).getLong(), total);
		long bound = Math.max(pool.noPrizeWeight(), 0);
		if (point < bound) {
			return Optional.empty();
		}
		for (Prize prize : candidates) {
			bound += prize.weight();
			if (point < bound) {
				return pool.available(prize, day) > 0 ? Optional.of(prize) : Optional.empty();
			}
		}
		throw new IllegalStateException("Point " + point + " lies beyond the total weight " + total);
	}
}
