package org.netsecweek.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BatchesTests {

	@Test
	void aBatchWithOneEventPerKeyIsOneRoundInItsOrder() {
		assertThat(Batches.rounds(List.of("a1", "b1", "c1"), e -> e.charAt(0))).containsExactly(List.of("a1", "b1", "c1"));
	}

	@Test
	void eachRoundTakesTheNextEventOfEveryKeySoAKeysEventsKeepTheirOrder() {
		List<List<String>> rounds = Batches.rounds(List.of("a1", "b1", "a2", "a3", "c1", "b2"), e -> e.charAt(0));

		assertThat(rounds).containsExactly(List.of("a1", "b1", "c1"), List.of("a2", "b2"), List.of("a3"));
	}

	@Test
	void anEmptyBatchHasNoRounds() {
		assertThat(Batches.rounds(List.<String>of(), e -> e)).isEmpty();
	}
}
