package org.netsecweek.lottery.prize;

import java.util.HashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The default prize pool, stocked for every known campaign that has none yet.
 *
 * @param noPrizeWeight the weight of "谢谢参与" among the prizes' weights
 * @param pool the prizes, in the order a draw's random number is mapped onto them
 */
@Validated
@ConfigurationProperties("netsec.lottery.prizes")
record PrizeSettings(@PositiveOrZero @DefaultValue("900") int noPrizeWeight,
		@NotNull @DefaultValue List<@NotNull @Valid PrizeDefinition> pool) {

	PrizeSettings {
		var ids = new HashSet<String>();
		for (PrizeDefinition prize : pool) {
			if (prize != null && !ids.add(prize.id())) {
				throw new IllegalArgumentException("netsec.lottery.prizes.pool names prize '" + prize.id() + "' twice");
			}
		}
	}

	/**
	 * One prize of the pool.
	 *
	 * @param id stable id, carried by DrawCompleted
	 * @param name the name winners read (Chinese)
	 * @param weight the prize's share of the draw while it is in stock
	 * @param quantity units to give away in each campaign
	 */
	record PrizeDefinition(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String id, @NotBlank String name,
			@Positive int weight, @PositiveOrZero int quantity) {
	}
}
