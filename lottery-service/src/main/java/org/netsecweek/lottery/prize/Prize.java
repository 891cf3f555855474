package org.netsecweek.lottery.prize;

/**
 * A prize of a campaign's pool.
 *
 * @param weight its share of a draw while in stock
 * @param quantity units the campaign started with
 * @param stockLeft units not yet won; never below zero
 */
public record Prize(String id, String name, int weight, int quantity, int stockLeft) {

	public boolean inStock() {
		return stockLeft > 0;
	}
}
