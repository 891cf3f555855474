package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.lottery.fairness.Seed;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;
import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;

class PrizeSelectionTests {

	private static final Prize BAG = new Prize("tote-bag", "定制帆布袋", 5, 100, 100);

	private static final Prize CABLE = new Prize("usb-cable", "数据线", 5, 50, 50);

	@Test
	void mapsTheFirstEightBytesOntoNoPrizeThenThePrizesInPoolOrder() {
		PrizePool pool = new PrizePool("demo", 10, List.of(BAG, CABLE));

		assertThat(select(0, pool)).isEmpty();
		assertThat(select(9, pool)).isEmpty();
		assertThat(select(10, pool)).contains(BAG);
		assertThat(select(14, pool)).contains(BAG);
		assertThat(select(15, pool)).contains(CABLE);
		assertThat(select(19, pool)).contains(CABLE);
		assertThat(select(20, pool)).isEmpty();
		assertThat(select(20 * 1_000_003L + 12, pool)).contains(BAG);
	}

	@Test
	void readsTheNumberAsUnsignedAndIgnoresTheBytesAfterTheEighth() {
		PrizePool pool = new PrizePool("demo", 10, List.of(BAG, CABLE));
		byte[] hmac = new byte[32];
		java.util.Arrays.fill(hmac, (byte) 0xff);
		long expected = new BigInteger("ffffffffffffffff", 16).mod(BigInteger.valueOf(20)).longValueExact();

		assertThat(expected).isEqualTo(15);
		assertThat(PrizeSelection.select(hmac, pool, 1)).contains(CABLE);
		hmac[31] = 0;
		assertThat(PrizeSelection.select(hmac, pool, 1)).contains(CABLE);
	}

	@Test
	void theSameNumberAlwaysLandsOnTheSameOutcome() {
		PrizePool pool = new PrizePool("demo", 900, List.of(BAG, CABLE));
		Random random = new Random(7);
		for (int i = 0; i < 1_000; i++) {
			byte[] hmac = new byte[32];
			random.nextBytes(hmac);
			assertThat(PrizeSelection.select(hmac.clone(), pool, 1)).isEqualTo(PrizeSelection.select(hmac, pool, 1));
		}
	}

	@Test
	void neverPicksAPrizeThatIsOutOfStock() {
		Prize soldOut = new Prize("power-bank", "充电宝", 1_000_000, 20, 0);
		PrizePool pool = new PrizePool("demo", 1, List.of(soldOut, CABLE));
		Random random = new Random(11);
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			byte[] hmac = new byte[32];
			random.nextBytes(hmac);
			counts.merge(PrizeSelection.select(hmac, pool, 1).map(Prize::id).orElse("none"), 1, Integer::sum);
		}

		assertThat(counts).doesNotContainKey("power-bank").containsKeys("usb-cable", "none");
	}

	@Test
	void landsOnEachOutcomeInProportionToItsWeight() {
		Prize powerBank = new Prize("power-bank", "充电宝", 10, 20, 20);
		Prize cable = new Prize("usb-cable", "数据线", 30, 50, 50);
		Prize bag = new Prize("tote-bag", "定制帆布袋", 60, 100, 100);
		PrizePool pool = new PrizePool("demo", 900, List.of(powerBank, cable, bag));
		Random random = new Random(42);
		int draws = 200_000;
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < draws; i++) {
			byte[] hmac = new byte[32];
			random.nextBytes(hmac);
			counts.merge(PrizeSelection.select(hmac, pool, 1).map(Prize::id).orElse("none"), 1, Integer::sum);
		}

		assertThat(counts.get("none") / (double) draws).isCloseTo(0.90, within(0.005));
		assertThat(counts.get("power-bank") / (double) draws).isCloseTo(0.01, within(0.002));
		assertThat(counts.get("usb-cable") / (double) draws).isCloseTo(0.03, within(0.003));
		assertThat(counts.get("tote-bag") / (double) draws).isCloseTo(0.06, within(0.004));
	}

	/**
	 * Pearson's chi-square goodness of fit over 20,000 draws whose numbers are real HMACs of a fixed seed, with stock
	 * that never runs out: the statistic stays below the critical value for 3 degrees of freedom at p = 0.001
	 * (16.266), while the same counts measured against slightly different odds exceed it.
	 */
	@Test
	void outcomeFrequenciesOverTwentyThousandDrawsFitTheConfiguredOddsByChiSquare() {
		int draws = 20_000;
		List<Prize> prizes = List.of(new Prize("power-bank", "充电宝", 10, draws, draws),
				new Prize("usb-cable", "数据线", 30, draws, draws), new Prize("tote-bag", "定制帆布袋", 60, draws, draws));
		PrizePool pool = new PrizePool("demo", 900, prizes);
		Seed seed = Seed.of("demo", HexFormat.of().parseHex("5eed".repeat(16)));
		Random ids = new Random(2024);
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < draws; i++) {
			byte[] hmac = seed.hmac(new UUID(ids.nextLong(), ids.nextLong()));
			counts.merge(PrizeSelection.select(hmac, pool, 1).map(Prize::id).orElse("none"), 1, Integer::sum);
		}
		double criticalAtThreeDegreesOfFreedom = 16.266;

		assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(draws);
		assertThat(chiSquare(counts, draws, Map.of("none", 900, "power-bank", 10, "usb-cable", 30, "tote-bag", 60)))
			.isLessThan(criticalAtThreeDegreesOfFreedom);
		assertThat(chiSquare(counts, draws, Map.of("none", 880, "power-bank", 15, "usb-cable", 35, "tote-bag", 70)))
			.isGreaterThan(criticalAtThreeDegreesOfFreedom);
	}

	/**
	 * The out-of-stock policy over 20,000 real HMACs with a heavy power bank gone: under {@code NO_PRIZE} it keeps
	 * its weight and its share turns into no prize (1400:30:60 of 1490); under {@code DRAW_AGAIN} it drops out of
	 * the odds (900:30:60 of 990). Each fits its own odds by chi-square at p = 0.001 (2 degrees of freedom:
	 * 13.816) and not the other's.
	 */
	@Test
	void outcomeFrequenciesFollowTheOutOfStockPolicyByChiSquare() {
		int draws = 20_000;
		List<Prize> prizes = List.of(new Prize("power-bank", "充电宝", 500, 20, 0),
				new Prize("usb-cable", "数据线", 30, draws, draws), new Prize("tote-bag", "定制帆布袋", 60, draws, draws));
		Seed seed = Seed.of("demo", HexFormat.of().parseHex("5eed".repeat(16)));
		double criticalAtTwoDegreesOfFreedom = 13.816;
		Map<String, Integer> noPrizeOdds = Map.of("none", 1400, "usb-cable", 30, "tote-bag", 60);
		Map<String, Integer> drawAgainOdds = Map.of("none", 900, "usb-cable", 30, "tote-bag", 60);

		Map<String, Integer> noPrize = counts(seed, draws,
				new PrizePool("demo", 900, OutOfStock.NO_PRIZE, Release.ALL_AT_ONCE, 1, prizes));
		Map<String, Integer> drawAgain = counts(seed, draws,
				new PrizePool("demo", 900, OutOfStock.DRAW_AGAIN, Release.ALL_AT_ONCE, 1, prizes));

		assertThat(noPrize).doesNotContainKey("power-bank");
		assertThat(drawAgain).doesNotContainKey("power-bank");
		assertThat(chiSquare(noPrize, draws, noPrizeOdds)).isLessThan(criticalAtTwoDegreesOfFreedom);
		assertThat(chiSquare(drawAgain, draws, drawAgainOdds)).isLessThan(criticalAtTwoDegreesOfFreedom);
		assertThat(chiSquare(noPrize, draws, drawAgainOdds)).isGreaterThan(criticalAtTwoDegreesOfFreedom);
		assertThat(chiSquare(drawAgain, draws, noPrizeOdds)).isGreaterThan(criticalAtTwoDegreesOfFreedom);
	}

	@Test
	void underTheNoPrizePolicyLandingOnAPrizeWithNothingAvailableIsNoPrize() {
		Prize soldOut = new Prize("power-bank", "充电宝", 5, 20, 0);
		PrizePool noPrize = new PrizePool("demo", 10, OutOfStock.NO_PRIZE, Release.ALL_AT_ONCE, 1, List.of(soldOut, CABLE));
		PrizePool drawAgain = new PrizePool("demo", 10, OutOfStock.DRAW_AGAIN, Release.ALL_AT_ONCE, 1,
				List.of(soldOut, CABLE));

		assertThat(select(12, noPrize, 1)).isEmpty();
		assertThat(select(17, noPrize, 1)).contains(CABLE);
		assertThat(select(12, drawAgain, 1)).contains(CABLE);
	}

	@Test
	void aPrizeNotYetReleasedOnTheDrawsDayCannotBeWon() {
		Prize daily = new Prize("power-bank", "充电宝", 10, 7, 6);
		PrizePool pool = new PrizePool("demo", 0, OutOfStock.DRAW_AGAIN, Release.DAILY, 7, List.of(daily));

		assertThat(select(3, pool, 1)).isEmpty();
		assertThat(select(3, pool, 2)).contains(daily);
	}

	private static Map<String, Integer> counts(Seed seed, int draws, PrizePool pool) {
		Random ids = new Random(2025);
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < draws; i++) {
			byte[] hmac = seed.hmac(new UUID(ids.nextLong(), ids.nextLong()));
			counts.merge(PrizeSelection.select(hmac, pool, 1).map(Prize::id).orElse("none"), 1, Integer::sum);
		}
		return counts;
	}

	private static double chiSquare(Map<String, Integer> observed, int draws, Map<String, Integer> weights) {
		double total = weights.values().stream().mapToInt(Integer::intValue).sum();
		double statistic = 0;
		for (var weight : weights.entrySet()) {
			double expected = draws * weight.getValue() / total;
			double difference = observed.getOrDefault(weight.getKey(), 0) - expected;
			statistic += difference * difference / expected;
		}
		return statistic;
	}

	@Test
	void withNothingToWinAndNoWeightEveryDrawLandsOnNoPrize() {
		PrizePool pool = new PrizePool("demo", 0, List.of(new Prize("power-bank", "充电宝", 10, 20, 0)));

		assertThat(select(123, pool)).isEmpty();
	}

	@Test
	void withoutANoPrizeWeightEveryDrawWinsWhileStockLasts() {
		PrizePool pool = new PrizePool("demo", 0, List.of(BAG));

		assertThat(select(0, pool)).contains(BAG);
		assertThat(select(Long.MAX_VALUE, pool)).contains(BAG);
	}

	private static Optional<Prize> select(long number, PrizePool pool) {
		return select(number, pool, 1);
	}

	private static Optional<Prize> select(long number, PrizePool pool, int day) {
		return PrizeSelection.select(ByteBuffer.allocate(32).putLong(number).array(), pool, day);
	}
}
