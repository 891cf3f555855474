package org.netsecweek.lottery.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;
import org.netsecweek.lottery.prize.Prizes;

/**
 * The draws of one campaign decided together under one lock of its chain, in the order given and exactly as the
 * verifier replays the log: each draw is mapped onto the pool its predecessors left ({@link PrizeSelection}), on one
 * campaign day. A draw of a worker who has won as many prizes as one may (counting the wins of this round) is capped
 * instead: rejected without using an entitlement and left out of the log. Pure: the caller writes what it decided.
 *
 * @param performed the draws performed, in log order, with their entries (without hashes: the log adds them)
 * @param capped the draws to reject at the prize cap
 * @param units units taken of each prize, with the units released through the day (the stock guard)
 */
record DrawRound(List<Performed> performed, List<Draw> capped, List<Prizes.Units> units) {

	/**
	 * @param pool the pool as the locked chain left it
	 * @param draws pending draws whose workers have a draw left for each, each worker's in request order
	 * @param prizesWon physical prizes each worker had won before
	 * @param prizeCap prizes one worker may win (0: no cap)
	 * @param hmac a draw's random number from its id
	 */
	static DrawRound of(PrizePool pool, int day, List<Draw> draws, Map<UUID, Long> prizesWon, int prizeCap,
			Function<UUID, byte[]> hmac) {
		List<Performed> performed = new ArrayList<>();
		List<Draw> capped = new ArrayList<>();
		Map<UUID, Long> won = new HashMap<>(prizesWon);
		Map<String, Integer> taken = new LinkedHashMap<>();
		PrizePool left = pool;
		for (Draw draw : draws) {
			if (prizeCap > 0 && won.getOrDefault(draw.workerId(), 0L) >= prizeCap) {
				capped.add(draw);
				continue;
			}
			byte[] number = hmac.apply(draw.drawId());
			Optional<Prize> prize = PrizeSelection.select(number, left, day);
			if (prize.isPresent()) {
				left = left.afterWinning(prize.get().id());
				taken.merge(prize.get().id(), 1, Integer::sum);
				won.merge(draw.workerId(), 1L, Long::sum);
			}
			performed.add(new Performed(draw, prize.orElse(null), new DrawLog.Entry(draw.drawId(), draw.workerId(),
					HexFormat.of().formatHex(number), prize.isPresent() ? DrawOutcome.PRIZE : DrawOutcome.NO_PRIZE,
					prize.map(Prize::id).orElse(null), day)));
		}
		List<Prizes.Units> units = pool.prizes()
			.stream()
			.filter(prize -> taken.containsKey(prize.id()))
			.map(prize -> new Prizes.Units(prize.id(), taken.get(prize.id()), pool.released(prize, day)))
			.toList();
		return new DrawRound(List.copyOf(performed), List.copyOf(capped), units);
	}

	List<DrawLog.Entry> entries() {
		return performed.stream().map(Performed::entry).toList();
	}

	/** A draw performed: the prize it landed on ({@code null} for none) and its log entry. */
	record Performed(Draw draw, Prize prize, DrawLog.Entry entry) {
	}
}
