package org.netsecweek.lottery.prize;

import reactor.core.publisher.Mono;

/**
 * Whether a campaign's draws have begun. Its pool is fixed from the first draw on, because the published fairness
 * replay recomputes every draw from one pool. Implemented by the draws' log, which every draw locks before it reads
 * the pool.
 */
public interface DrawsBegun {

	/** Whether any draw of the campaign has been performed, without locking anything. */
	Mono<Boolean> begun(String campaignId);

	/**
	 * Locks the campaign's draws until the caller's transaction ends (no draw can start meanwhile), then tells
	 * whether any has been performed.
	 */
	Mono<Boolean> lockAndCheck(String campaignId);
}
