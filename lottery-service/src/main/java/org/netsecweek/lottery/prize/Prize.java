package org.netsecweek.lottery.prize;

import java.math.BigDecimal;

/**
 * A prize of a campaign's pool.
 *
 * @param weight its share of a draw
 * @param quantity units the campaign gives away in all
 * @param stockLeft units not yet won; never below zero (how many of them a draw may take today depends on the
 * pool's release schedule, {@link PrizePool#available})
 * @param value what one unit is worth in yuan, or {@code null}
 */
public record Prize(String id, String name, int weight, int quantity, int stockLeft, BigDecimal value) {

	/** A prize without a stated value. */
	public Prize(String id, String name, int weight, int quantity, int stockLeft) {
		this(id, name, weight, quantity, stockLeft, null);
	}

	/** Units won so far. */
	public int won() {
		return quantity - stockLeft;
	}

	/** The same prize with one more unit won. */
	public Prize withOneWon() {
		return new Prize(id, name, weight, quantity, stockLeft - 1, value);
	}
}
