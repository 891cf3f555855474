package org.netsecweek.lottery.prize;

import java.util.List;

import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;

/**
 * A campaign's prizes, in pool order, the weight of the no-prize outcome, and the rules that decide what a draw on
 * a given campaign day can win. Pure: the draw, the verifier and the admin view all compute availability here.
 *
 * @param noPrizeWeight the weight of "谢谢参与"
 * @param whenOutOfStock {@code DRAW_AGAIN}: a draw is mapped over the prizes available that day only;
 * {@code NO_PRIZE}: over all prizes, and landing on one with nothing available is no prize
 * @param release {@code ALL_AT_ONCE}: every unit from day 1; {@code DAILY}: each prize's quantity spread evenly over
 * the campaign days, the remainder on the first days, units not won rolling over
 * @param days the campaign's days (1 = its first day); at least 1
 */
public record PrizePool(String campaignId, int noPrizeWeight, OutOfStock whenOutOfStock, Release release, int days,
		List<Prize> prizes) {

	public PrizePool {
		prizes = List.copyOf(prizes);
		if (days < 1) {
			throw new IllegalArgumentException("A campaign has at least one day, not " + days);
		}
	}

	/** A pool whose prizes are all available from the first day and drop out of the draw when gone. */
	public PrizePool(String campaignId, int noPrizeWeight, List<Prize> prizes) {
		this(campaignId, noPrizeWeight, OutOfStock.DRAW_AGAIN, Release.ALL_AT_ONCE, 1, prizes);
	}

	/**
	 * Units of the prize released through the given campaign day: all of them from day 1 at once, or with
	 * {@code DAILY} {@code quantity / days} a day plus one more on each of the first {@code quantity % days} days.
	 * Days past the last (a draw requested on the last day, performed just after) release everything.
	 */
	public int released(Prize prize, int day) {
		if (day < 1) {
			return 0;
		}
		if (release == Release.ALL_AT_ONCE || day >= days) {
			return prize.quantity();
		}
		int perDay = prize.quantity() / days;
		int remainder = prize.quantity() % days;
		return perDay * day + Math.min(day, remainder);
	}

	/** Units a draw on the given day may take: released through that day minus those won so far. */
	public int available(Prize prize, int day) {
		return Math.max(0, Math.min(released(prize, day), prize.quantity()) - prize.won());
	}

	/** The prizes a draw on the given day can take a unit of, in pool order. */
	public List<Prize> availableOn(int day) {
		return prizes.stream().filter(prize -> available(prize, day) > 0).toList();
	}

	/** The pool after a unit of the prize was won (for replaying a log). */
	public PrizePool afterWinning(String prizeId) {
		return new PrizePool(campaignId, noPrizeWeight, whenOutOfStock, release, days,
				prizes.stream().map(prize -> prize.id().equals(prizeId) ? prize.withOneWon() : prize).toList());
	}
}
