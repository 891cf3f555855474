package org.netsecweek.lottery.draw;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;

/**
 * Maps a draw's random number onto a pool. Whoever verifies a draw repeats exactly this: read the HMAC's first 8
 * bytes as an unsigned 64-bit integer, take it modulo the total weight (the no-prize weight plus the weights of the
 * prizes in stock), and walk the cumulative weights: first the no-prize outcome, then each prize in stock in pool
 * order. The modulo's bias is below total / 2^64, far too small to matter for weights that fit in ints.
 */
final class PrizeSelection {

	private PrizeSelection() {
	}

	/** The prize the number lands on, or empty for "谢谢参与". An out-of-stock prize is never chosen. */
	static Optional<Prize> select(byte[] hmac, PrizePool pool) {
		if (hmac.length < Long.BYTES) {
			throw new IllegalArgumentException("A draw's random number has at least 8 bytes, not " + hmac.length);
		}
		List<Prize> candidates = pool.inStock();
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
				return Optional.of(prize);
			}
		}
		throw new IllegalStateException("Point " + point + " lies beyond the total weight " + total);
	}
}
