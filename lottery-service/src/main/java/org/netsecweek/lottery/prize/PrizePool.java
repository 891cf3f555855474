package org.netsecweek.lottery.prize;

import java.util.List;

/**
 * A campaign's prizes, in pool order, and the weight of the no-prize outcome.
 *
 * @param noPrizeWeight the weight of "谢谢参与"
 */
public record PrizePool(String campaignId, int noPrizeWeight, List<Prize> prizes) {

	public PrizePool {
		prizes = List.copyOf(prizes);
	}

	/** The prizes a draw can land on now, in pool order. */
	public List<Prize> inStock() {
		return prizes.stream().filter(Prize::inStock).toList();
	}
}
