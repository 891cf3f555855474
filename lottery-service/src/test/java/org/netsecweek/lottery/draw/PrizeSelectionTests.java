package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;

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
		assertThat(PrizeSelection.select(hmac, pool)).contains(CABLE);
		hmac[31] = 0;
		assertThat(PrizeSelection.select(hmac, pool)).contains(CABLE);
	}

	@Test
	void theSameNumberAlwaysLandsOnTheSameOutcome() {
		PrizePool pool = new PrizePool("demo", 900, List.of(BAG, CABLE));
		Random random = new Random(7);
		for (int i = 0; i < 1_000; i++) {
			byte[] hmac = new byte[32];
			random.nextBytes(hmac);
			assertThat(PrizeSelection.select(hmac.clone(), pool)).isEqualTo(PrizeSelection.select(hmac, pool));
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
			counts.merge(PrizeSelection.select(hmac, pool).map(Prize::id).orElse("none"), 1, Integer::sum);
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
			counts.merge(PrizeSelection.select(hmac, pool).map(Prize::id).orElse("none"), 1, Integer::sum);
		}

		assertThat(counts.get("none") / (double) draws).isCloseTo(0.90, within(0.005));
		assertThat(counts.get("power-bank") / (double) draws).isCloseTo(0.01, within(0.002));
		assertThat(counts.get("usb-cable") / (double) draws).isCloseTo(0.03, within(0.003));
		assertThat(counts.get("tote-bag") / (double) draws).isCloseTo(0.06, within(0.004));
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
		return PrizeSelection.select(ByteBuffer.allocate(32).putLong(number).array(), pool);
	}
}
