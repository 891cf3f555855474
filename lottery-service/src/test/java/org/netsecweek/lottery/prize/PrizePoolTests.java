package org.netsecweek.lottery.prize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;

class PrizePoolTests {

	@Test
	void dailyReleaseSpreadsTheQuantityEvenlyWithTheRemainderOnTheFirstDays() {
		Prize tenUnits = new Prize("power-bank", "充电宝", 10, 10, 10);
		PrizePool pool = pool(Release.DAILY, 7, tenUnits);

		assertThat(IntStream.rangeClosed(0, 9).map(day -> pool.released(tenUnits, day)).toArray())
			.containsExactly(0, 2, 4, 6, 7, 8, 9, 10, 10, 10);
	}

	@Test
	void aQuantitySmallerThanTheDaysIsReleasedOneADayFromTheFirst() {
		Prize three = new Prize("mug", "马克杯", 10, 3, 3);
		PrizePool pool = pool(Release.DAILY, 7, three);

		assertThat(IntStream.rangeClosed(1, 7).map(day -> pool.released(three, day)).toArray())
			.containsExactly(1, 2, 3, 3, 3, 3, 3);
	}

	@Test
	void availableIsReleasedThroughTheDayMinusWonSoUnitsNotWonRollOver() {
		Prize wonThree = new Prize("power-bank", "充电宝", 10, 21, 18);
		PrizePool pool = pool(Release.DAILY, 7, wonThree);

		assertThat(pool.available(wonThree, 1)).isZero();
		assertThat(pool.available(wonThree, 2)).isEqualTo(3);
		assertThat(pool.available(wonThree, 5)).isEqualTo(12);
		assertThat(pool.availableOn(1)).isEmpty();
		assertThat(pool.afterWinning("power-bank").prizes().get(0).won()).isEqualTo(4);
	}

	@Test
	void allAtOnceReleasesEverythingOnTheFirstDay() {
		Prize prize = new Prize("tote-bag", "定制帆布袋", 60, 105, 100);
		PrizePool pool = pool(Release.ALL_AT_ONCE, 7, prize);

		assertThat(pool.released(prize, 1)).isEqualTo(105);
		assertThat(pool.available(prize, 1)).isEqualTo(100);
	}

	private static PrizePool pool(Release release, int days, Prize... prizes) {
		return new PrizePool("demo", 900, OutOfStock.DRAW_AGAIN, release, days, List.of(prizes));
	}
}
