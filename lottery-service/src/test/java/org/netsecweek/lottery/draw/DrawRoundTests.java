package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;
import org.netsecweek.lottery.prize.Prizes;

class DrawRoundTests {

	private static final Instant NOW = Instant.parse("2030-03-01T02:00:00Z");

	/** Every number lands on the prize while a unit is left: 10 no-prize weight against 1e9. */
	private static final PrizePool POOL = new PrizePool("demo", 10,
			List.of(new Prize("grand", "大奖", 1_000_000_000, 3, 3)));

	@Test
	void eachDrawSeesTheStockItsPredecessorsLeftInTheOrderGiven() {
		List<Draw> draws = draws(5);

		DrawRound round = DrawRound.of(POOL, 1, draws, Map.of(), 0, DrawRoundTests::number);

		assertThat(round.performed()).extracting(performed -> performed.draw().drawId())
			.containsExactlyElementsOf(draws.stream().map(Draw::drawId).toList());
		assertThat(round.entries()).extracting(DrawLog.Entry::outcome)
			.containsExactly(DrawOutcome.PRIZE, DrawOutcome.PRIZE, DrawOutcome.PRIZE, DrawOutcome.NO_PRIZE,
					DrawOutcome.NO_PRIZE);
		assertThat(round.units()).containsExactly(new Prizes.Units("grand", 3, 3));
		assertThat(round.capped()).isEmpty();
	}

	@Test
	void aWorkerAtThePrizeCapIsCappedCountingTheWinsOfTheRound() {
		UUID worker = UUID.randomUUID();
		UUID winnerBefore = UUID.randomUUID();
		List<Draw> draws = List.of(draw(worker, 1), draw(worker, 2), draw(winnerBefore, 1));

		DrawRound round = DrawRound.of(POOL, 1, draws, Map.of(winnerBefore, 1L), 1, DrawRoundTests::number);

		assertThat(round.performed()).extracting(performed -> performed.draw().drawId())
			.containsExactly(draws.get(0).drawId());
		assertThat(round.capped()).containsExactly(draws.get(1), draws.get(2));
		assertThat(round.units()).containsExactly(new Prizes.Units("grand", 1, 3));
	}

	@Test
	void requestOrderIsDrawNumberThenArrivalThenDrawIdAsPostgresqlOrdersUuids() {
		UUID worker = UUID.randomUUID();
		Draw low = draw(worker, 1, UUID.fromString("00000000-0000-0000-0000-000000000001"), NOW);
		Draw high = draw(worker, 1, UUID.fromString("ffffffff-0000-0000-0000-000000000000"), NOW);
		Draw earlier = draw(worker, 1, UUID.fromString("ffffffff-ffff-0000-0000-000000000000"), NOW.minusSeconds(1));
		Draw second = draw(worker, 2, UUID.fromString("00000000-0000-0000-0000-000000000000"), NOW.minusSeconds(9));

		List<Draw> sorted = new ArrayList<>(List.of(second, high, low, earlier));
		sorted.sort(Draw.REQUEST_ORDER);

		assertThat(sorted).containsExactly(earlier, low, high, second);
	}

	private static List<Draw> draws(int n) {
		return IntStream.range(0, n).mapToObj(i -> draw(UUID.randomUUID(), 1)).toList();
	}

	private static Draw draw(UUID worker, int number) {
		return draw(worker, number, UUID.randomUUID(), NOW);
	}

	private static Draw draw(UUID worker, int number, UUID drawId, Instant receivedAt) {
		return new Draw(drawId, "demo", worker, number, null, null, receivedAt, receivedAt, null, null, null, null,
				Draw.Proof.NONE, null, null);
	}

	/** A random number that lands on the prize whenever it is available: 20 modulo the total weight. */
	private static byte[] number(UUID drawId) {
		return ByteBuffer.allocate(32).putLong(20).array();
	}
}
